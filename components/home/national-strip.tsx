import { useTranslations } from 'next-intl';
import { memo } from 'react';
import type { IncidentSummary, PlatformSummary } from '@/lib/map-state/types';
import type { NameLookup } from '@/lib/map-view/catalog';
import { nationalPlatforms } from '@/lib/map-view/rank';
import { useHref } from './use-href';
import { useSinceFormat } from './use-since';

type Props = {
  platforms: readonly PlatformSummary[];
  incidents: readonly IncidentSummary[];
  at: string;
  academyTotal: number;
  names: Pick<NameLookup, 'platform'>;
};

/** Nationwide outages above the map: the map itself then shows what is wrong in each académie on top of them. */
function NationalStripView({ platforms, incidents, at, academyTotal, names }: Props) {
  const t = useTranslations('newsroom.national');
  const href = useHref();
  const since = useSinceFormat(at);
  const items = nationalPlatforms(platforms, academyTotal);
  if (items.length === 0) return null;
  return (
    <section className="national-strip" aria-labelledby="titre-national">
      <h2 id="titre-national">{t('title')}</h2>
      <ul>
        {items.map((p) => {
          const incident = incidents.find((i) => i.platformId === p.platformId && i.national);
          return (
            <li key={p.platformId} className={`national-item status-${p.status}`} data-platform={p.platformId}>
              {t.rich('item', {
                strong: (chunks) => <strong>{chunks}</strong>,
                platform: names.platform(p.platformId),
                status: p.status,
                time: p.since ? since(p.since) : '—',
                reporters: p.reporters,
              })}
              {incident ? (
                <>
                  {' · '}
                  <a href={href(`/incidents/${incident.id}`)}>{t('link')}</a>
                </>
              ) : null}
            </li>
          );
        })}
      </ul>
      <p className="national-intro">{t('intro')}</p>
    </section>
  );
}

export const NationalStrip = memo(NationalStripView);
