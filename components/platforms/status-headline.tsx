import { useTranslations } from 'next-intl';
import { memo } from 'react';
import { useSinceFormat } from '@/components/home/use-since';
import type { PlatformSummary } from '@/lib/map-state/types';
import type { NameLookup } from '@/lib/map-view/catalog';
import { headlinePlatforms } from '@/lib/map-view/rank';

/** Beyond this many platforms in trouble, the rest folds away (phones). */
const SHOWN = 3;

type Props = { platforms: readonly PlatformSummary[]; at: string; live: boolean; names: Pick<NameLookup, 'platform' | 'nationwide'> };

/** « CNED : panne depuis 09:02 dans 4 académies » for each platform in trouble at the instant shown. */
function StatusHeadlineView({ platforms, at, live, names }: Props) {
  const t = useTranslations('home.headline');
  const since = useSinceFormat(at);
  const items = headlinePlatforms(platforms);
  const line = (p: PlatformSummary) => (
    <li key={p.platformId} className={`headline-item status-${p.status}`} data-platform={p.platformId}>
      {t.rich('item', {
        strong: (chunks) => <strong>{chunks}</strong>,
        platform: names.platform(p.platformId),
        status: p.status,
        time: p.since ? since(p.since) : '—',
        national: p.national && names.nationwide(p.platformId) ? 'yes' : 'no',
        count: p.academyCount,
      })}
    </li>
  );
  return (
    <section className="headline-section" aria-labelledby="titre-situation">
      <h2 id="titre-situation">{t(live ? 'title' : 'titleAt')}</h2>
      <div aria-live={live ? 'polite' : 'off'} aria-atomic="true">
        {items.length === 0 ? (
          <p className="headline headline-ok">{t(live ? 'none' : 'noneAt')}</p>
        ) : (
          <>
            <ul className="headline">{items.slice(0, SHOWN).map(line)}</ul>
            {items.length > SHOWN ? (
              <details className="headline-more">
                <summary>{t('more', { count: items.length - SHOWN })}</summary>
                <ul className="headline">{items.slice(SHOWN).map(line)}</ul>
              </details>
            ) : null}
          </>
        )}
      </div>
    </section>
  );
}

/** Re-renders only when its props change (live updates re-render the page often). */
export const StatusHeadline = memo(StatusHeadlineView);
