import { useTranslations } from 'next-intl';
import { severityMarkSvg } from '@/lib/map-view/severity-mark';
import { severityStyle, type SeverityStyle } from '@/lib/map-view/severity-style';
import type { Severity } from '@/lib/map-state/types';
import { SeveritySwatch } from './severity-swatch';

function Mark({ style }: { style: SeverityStyle }) {
  const markup = severityMarkSvg(style);
  // Static SVG built from our own constants (no user input).
  return markup ? <span className="legend-mark" aria-hidden="true" dangerouslySetInnerHTML={{ __html: markup }} /> : <span className="legend-mark" />;
}

const LEVELS: readonly Severity[] = ['panne', 'perturbe', 'normal'];

/** Levels with their colours, hatching and badges; the three intensities of each level, light to dark. */
export function MapLegend({ showUnserved }: { showUnserved: boolean }) {
  const t = useTranslations('home.legend');
  return (
    <section className="map-legend" aria-labelledby="titre-legende">
      <h3 id="titre-legende">{t('title')}</h3>
      <ul>
        {LEVELS.map((level) => (
          <li key={level}>
            <Mark style={severityStyle(level, 1)} />
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
