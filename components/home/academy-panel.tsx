import { useFormatter, useTranslations } from 'next-intl';
import { memo } from 'react';
import { ratioArgs, wordRatio } from '@/lib/domain/ratio';
import type { AcademyState, MapState } from '@/lib/map-state/types';
import type { NameLookup } from '@/lib/map-view/catalog';
import { severityStyle } from '@/lib/map-view/severity-style';
import { academyArgs } from './academy-text';
import { SeverityLabel } from './severity-label';
import { useHref } from './use-href';
import { useSinceFormat } from './use-since';

type Props = {
  academy: AcademyState | null;
  state: Pick<MapState, 'incidents' | 'windowMinutes' | 'at'>;
  names: NameLookup;
  closeHref: string;
  onClose(event: React.MouseEvent): void;
};

/** Counts against the baseline, platforms reported and open incidents of the selected académie. */
function AcademyPanelView({ academy, state, names, closeHref, onClose }: Props) {
  const t = useTranslations('home');
  const tNews = useTranslations('newsroom.national');
  const format = useFormatter();
  const href = useHref();
  const time = useSinceFormat(state.at);
  if (!academy) {
    return (
      <section id="academie-panneau" className="academy-panel academy-panel-empty" aria-labelledby="titre-academie">
        <h2 id="titre-academie">{t('panel.title')}</h2>
        <p>{t('panel.hint')}</p>
      </section>
    );
  }
  const args = academyArgs(names, academy.academyId);
  const number = (n: number) => format.number(n, { maximumFractionDigits: 1 });
  const incidents = state.incidents.filter((i) => academy.incidentIds.includes(i.id));
  const ratio = wordRatio(academy.reporters, academy.expected);
  return (
    <section id="academie-panneau" className="academy-panel" aria-labelledby="titre-academie" data-academy={academy.academyId}>
      <div className="academy-panel-head">
        <h2 id="titre-academie">{t('academy.title', args)}</h2>
        <a href={closeHref} onClick={onClose} className="academy-panel-close">
          {t('panel.close')}
        </a>
      </div>
      <SeverityLabel style={severityStyle(academy.severity, academy.intensity, academy.served !== false)} />
      <dl className="academy-figures">
        <dt>{t('panel.reporters', { minutes: state.windowMinutes })}</dt>
        <dd data-figure="reporters">{format.number(academy.reporters)}</dd>
        <dt>{t('panel.expected')}</dt>
        <dd>{number(academy.expected)}</dd>
        <dt>{t('panel.ratio')}</dt>
        <dd>{ratio.kind === 'none' ? t('panel.ratioNone') : t('panel.ratioValue', ratioArgs(ratio, number))}</dd>
        <dt>{t('panel.reports')}</dt>
        <dd data-figure="reports">{format.number(academy.reports)}</dd>
      </dl>
      <h3>{t('panel.platforms')}</h3>
      {academy.platforms.length === 0 ? (
        <p>{t('panel.noPlatform')}</p>
      ) : (
        <ul className="academy-platforms">
          {academy.platforms.map((p) => (
            <li key={p.platformId}>
              <a href={href(`/plateformes/${p.platformId}`)}>{names.platform(p.platformId)}</a>{' '}
              <SeverityLabel style={severityStyle(p.severity, 0)} compact />{' '}
              <span className="academy-platform-figures">{t('panel.platformLine', { reporters: p.reporters, expected: number(p.expected) })}</span>
              {p.national ? <span className="platform-tag">{tNews('tag')}</span> : null}
              {p.standsOut ? <span className="platform-tag">{tNews('standsOut')}</span> : null}{' '}
              <a className="academy-platform-report" href={href(`/signaler?plateforme=${p.platformId}&academie=${academy.academyId}`)}>
                {t('panel.report', { platform: names.platform(p.platformId) })}
              </a>
            </li>
          ))}
        </ul>
      )}
      <h3>{t('panel.incidents')}</h3>
      {incidents.length === 0 ? (
        <p>{t('panel.noIncident')}</p>
      ) : (
        <ul className="academy-incidents">
          {incidents.map((i) => (
            <li key={i.id}>
              <a href={href(`/incidents/${i.id}`)}>
                {t('panel.incidentLine', { platform: names.platform(i.platformId), level: i.level, time: time(i.startedAt) })}
              </a>
            </li>
          ))}
        </ul>
      )}
      <p className="academy-panel-more">
        <a href={href(`/academies/${academy.academyId}`)}>{t('panel.page', args)}</a> ·{' '}
        <a href={href(`/signaler?academie=${academy.academyId}`)}>{t('panel.reportOther')}</a>
      </p>
    </section>
  );
}

/** Re-renders only when its props change (live updates re-render the page often). */
export const AcademyPanel = memo(AcademyPanelView);
