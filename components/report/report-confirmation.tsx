import { useLocale, useTranslations } from 'next-intl';
import type { ReactNode, Ref } from 'react';
import { DEFAULT_LOCALE, isLocale } from '@/lib/i18n/config';
import { localizePath } from '@/lib/i18n/paths';
import { NotifyBox } from '@/components/notify/notify-box';
import type { AcademyOption, PlatformOption } from '@/lib/report-client/platform-choices';
import { academyArgs, LOCAL_COUNT_WINDOW_MINUTES } from '@/lib/report-client/report-text';

type Props = {
  platform: Pick<PlatformOption, 'id' | 'name'> | null;
  academy: AcademyOption | null;
  count: number | null;
  isDuplicate?: boolean;
  /** False when the report was kept but not counted (a report from this connection was counted recently). */
  counted?: boolean;
  /** When this device reported the same service before, within the counting window (epoch ms). */
  previousAt?: number | null;
  headingLevel?: 'h1' | 'h2';
  headingRef?: Ref<HTMLHeadingElement>;
  children?: ReactNode;
};

/** Thanks and the local count, after a report is accepted (JavaScript form and no-JS page alike). */
export function ReportConfirmation(props: Props) {
  const { platform, academy, count, isDuplicate = false, counted = true, previousAt = null, headingLevel: Heading = 'h2' } = props;
  const t = useTranslations('report');
  const locale = useLocale();
  const mapPath = platform ? `/?plateforme=${encodeURIComponent(platform.id)}` : '/';
  const mapHref = localizePath(isLocale(locale) ? locale : DEFAULT_LOCALE, mapPath);
  return (
    <section className="report-done" aria-labelledby="confirmation-titre">
      <Heading id="confirmation-titre" tabIndex={-1} ref={props.headingRef}>
        {t('confirmation.title')}
      </Heading>
      {isDuplicate && <p>{t('confirmation.duplicate')}</p>}
      {!isDuplicate && !counted ? (
        <p className="report-already">
          {previousAt !== null
            ? t('confirmation.alreadyCounted', { minutes: Math.max(1, Math.round((Date.now() - previousAt) / 60_000)) })
            : t('confirmation.alreadyCountedConnection')}
        </p>
      ) : null}
      {platform && academy && count !== null && (
        <p className="report-count" data-count={count}>
          {t(counted && !isDuplicate ? 'confirmation.count' : 'confirmation.countOthers', {
            count,
            minutes: LOCAL_COUNT_WINDOW_MINUTES,
            where: t('where', { platform: platform.name, ...academyArgs(academy) }),
          })}
        </p>
      )}
      <p>
        <a href={mapHref} className="report-btn">
          {t('confirmation.mapLink')}
        </a>
      </p>
      {platform && !isDuplicate ? (
        <NotifyBox platformId={platform.id} academyId={academy?.id ?? null} returnPath={localizePath(isLocale(locale) ? locale : DEFAULT_LOCALE, `/plateformes/${platform.id}`)} headingLevel="h3" />
      ) : null}
      {props.children}
    </section>
  );
}
