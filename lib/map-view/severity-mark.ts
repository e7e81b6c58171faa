import type { SeverityStyle } from '@/lib/map-view/severity-style';

const TRIANGLE = '11,1.5 21,19.5 1,19.5';
const OCTAGON = '7,1 15,1 21,7 21,15 15,21 7,21 1,15 1,7';

/**
 * The badge drawn on the map over an académie in trouble (SVG markup for a Leaflet div icon):
 * a triangle with « ! » when perturbée, an octagon with « × » when en panne. Shape repeats the level.
 */
export function severityMarkSvg(style: SeverityStyle): string {
  const mark = style.mark;
  if (!mark) return '';
  const glyph =
    mark.shape === 'triangle'
      ? `<rect x="10" y="7" width="2" height="7" fill="${mark.ink}"/><rect x="10" y="15.5" width="2" height="2" fill="${mark.ink}"/>`
      : `<path d="M7.5 7.5 L14.5 14.5 M14.5 7.5 L7.5 14.5" stroke="${mark.ink}" stroke-width="2.4" stroke-linecap="round"/>`;
  const shape = mark.shape === 'triangle' ? TRIANGLE : OCTAGON;
  return `<svg viewBox="0 0 22 22" width="22" height="22" aria-hidden="true" focusable="false"><polygon points="${shape}" fill="${mark.fill}" stroke="#ffffff" stroke-width="1.5" stroke-linejoin="round"/>${glyph}</svg>`;
}
