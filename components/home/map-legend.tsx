import { useTranslations } from 'next-intl';
import { memo } from 'react';
import { severityStyle } from '@/lib/map-view/severity-style';
import type { Severity } from '@/lib/map-state/types';
import { SeverityMark } from './severity-mark';
import { SeveritySwatch } from './severity-swatch';

const LEVELS: readonly Severity[] = ['panne', 'perturbe', 'normal'];

/** Levels with their colours, hatching and badges; the three intensities of each level, light to dark. */
function MapLegendView({ showUnserved }: { showUnserved: boolean }) {
  const t = useTranslations('home.legend');
  return (
    <section className="map-legend" aria-labelledby="titre-legende">
      <h3 id="titre-legende">{t('title')}</h3>
      <ul>
        {LEVELS.map((level) => (
          <li key={level}>
            <span className="legend-mark">
              <SeverityMark style={severityStyle(level, 1)} />
            </span>
            <span className="legend-ramp" aria-hidden="true">
              {[0, 0.5, 1].map((i) => (
                <SeveritySwatch key={i} style={severityStyle(level, i)} size={18} />
              ))}
            </span>
            {t(level)}
          </li>
        ))}
        {showUnserved ? (
          <li>
            <span className="legend-mark" />
            <span className="legend-ramp" aria-hidden="true">
              <SeveritySwatch style={severityStyle('normal', 0, false)} size={18} />
            </span>
            {t('unserved')}
          </li>
        ) : null}
      </ul>
      <p className="legend-intensity">{t('intensity')}</p>
    </section>
  );
}

/** Re-renders only when its props change (live updates re-render the page often). */
export const MapLegend = memo(MapLegendView);
