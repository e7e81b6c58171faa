import Link from 'next/link';
import { useTranslations } from 'next-intl';
import type { TimelineItem } from '@/lib/dashboard/incident-timeline';
import { When } from './when';

type Props = {
  items: TimelineItem[];
  academyName: (id: string) => string;
  href: (path: string) => string;
  timeZone?: string;
};

function Text({ item, academyName, href }: { item: TimelineItem; academyName: (id: string) => string; href: (path: string) => string }) {
  const t = useTranslations('incidentPage.timeline');
  switch (item.kind) {
    case 'academies_joined':
      return <>{t('academies_joined', { count: item.academies.length, names: item.academies.map(academyName).join(', ') })}</>;
    case 'peak':
      return <>{t('peak', { reporters: item.reporters })}</>;
    case 'annotated':
      return <>{t('annotated', { note: item.note })}</>;
    case 'dismissed':
      return <>{item.reason ? t('dismissedWithReason', { reason: item.reason }) : t('dismissed')}</>;
    case 'merged_into':
    case 'merged_from':
    case 'split_into':
    case 'split_from':
      return (
        <>
          {t(item.kind)}
          {item.otherId ? (
            <>
              {' '}
              (<Link href={href(`/incidents/${item.otherId}`)}>{t('otherLink')}</Link>)
            </>
          ) : null}
        </>
      );
    default:
      return <>{t(item.kind)}</>;
  }
}

/** The incident's story: start, détection, académies joining, peak, end, moderators' notes. */
export function IncidentTimeline({ items, academyName, href, timeZone }: Props) {
  return (
    <ol className="timeline">
      {items.map((item, i) => (
        <li key={`${item.kind}-${item.at}-${i}`} className={`timeline-item timeline-${item.kind}`} data-kind={item.kind}>
          <When t={item.at} timeZone={timeZone} />
          <span className="timeline-text">
            <Text item={item} academyName={academyName} href={href} />
          </span>
        </li>
      ))}
    </ol>
  );
}
