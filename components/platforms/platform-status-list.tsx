import { useTranslations } from 'next-intl';
import { memo } from 'react';
import { useHref } from '@/components/home/use-href';
import { useSinceFormat } from '@/components/home/use-since';
import type { PlatformSummary } from '@/lib/map-state/types';
import type { NameLookup } from '@/lib/map-view/catalog';
import { sortPlatforms } from '@/lib/map-view/rank';
import { sparklineSummary } from '@/lib/map-view/sparkline';
import { Sparkline } from './sparkline';

type Props = { platforms: readonly PlatformSummary[]; at: string; names: Pick<NameLookup, 'platform' | 'nationwide'> };

/** Every platform, those in trouble first, with its status, scope and the last 3 hours of reporters. */
function PlatformStatusListView({ platforms, at, names }: Props) {
  const t = useTranslations('home');
  const href = useHref();
  const time = useSinceFormat(at);
  const rows = sortPlatforms(platforms.map((p) => ({ ...p, name: names.platform(p.platformId), figures: sparklineSummary(p.sparkline) })));
  // A flat line says nothing: platforms working with no report for 3 hours fold into a short list.
  const active = rows.filter((p) => p.status !== 'operational' || p.figures.total > 0);
  const quiet = rows.filter((p) => !active.includes(p));
  const item = (p: (typeof rows)[number]) => {
    const scope = [p.since ? t('platforms.since', { time: time(p.since) }) : '', t('platforms.scope', { national: p.national && names.nationwide(p.platformId) ? 'yes' : 'no', count: p.academyCount })];
    const scopeText = scope.filter(Boolean).join(' · ');
    return (
      <li key={p.platformId} className={`platform-item status-${p.status}`} data-platform={p.platformId} data-status={p.status} data-reporters-3h={p.figures.total}>
        <div className="platform-item-head">
          <a href={href(`/plateformes/${p.platformId}`)} className="platform-name">
            {p.name}
          </a>
          <span className={`status-badge status-${p.status}`}>{t(`status.${p.status}`)}</span>
        </div>
        <div className="platform-item-body">
          {scopeText ? <span className="platform-scope">{scopeText}</span> : null}
          <Sparkline values={p.sparkline} status={p.status} />
          <span className="visually-hidden">{t('platforms.sparkline', p.figures)}</span>
        </div>
      </li>
    );
  };
  return (
    <section className="platform-status" aria-labelledby="titre-services">
      <h2 id="titre-services">{t('platforms.title')}</h2>
      <p className="platform-status-intro">{t('platforms.intro')}</p>
      {active.length > 0 ? <ul className="platform-status-list">{active.map(item)}</ul> : null}
      {quiet.length > 0 ? (
        <details className="platform-quiet" open={active.length === 0}>
          <summary>{t('platforms.quiet', { count: quiet.length })}</summary>
          <ul className="platform-quiet-list">
            {quiet.map((p) => (
              <li key={p.platformId} className="platform-item status-operational" data-platform={p.platformId} data-status={p.status} data-reporters-3h={0}>
                <a href={href(`/plateformes/${p.platformId}`)}>{p.name}</a>
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </section>
  );
}

/** Re-renders only when its props change (live updates re-render the page often). */
export const PlatformStatusList = memo(PlatformStatusListView);
