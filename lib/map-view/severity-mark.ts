import type { SeverityStyle } from '@/lib/map-view/severity-style';

export const MARK_SIZE = 22;

/**
 * The badge over an académie in trouble, in a 22 × 22 box: a triangle with « ! » when perturbée, an
 * octagon with « × » when en panne (the shape repeats the level for those who cannot tell colours).
 */
export type MarkShapes = {
  outline: { points: string; fill: string };
  rects: Array<{ x: number; y: number; width: number; height: number }>;
  cross: string | null;
  ink: string;
};

const TRIANGLE = '11,1.5 21,19.5 1,19.5';
const OCTAGON = '7,1 15,1 21,7 21,15 15,21 7,21 1,15 1,7';

export function markShapes(style: SeverityStyle): MarkShapes | null {
  const mark = style.mark;
  if (!mark) return null;
  const triangle = mark.shape === 'triangle';
  return {
    outline: { points: triangle ? TRIANGLE : OCTAGON, fill: mark.fill },
    rects: triangle ? [{ x: 10, y: 7, width: 2, height: 7 }, { x: 10, y: 15.5, width: 2, height: 2 }] : [],
    cross: triangle ? null : 'M7.5 7.5 L14.5 14.5 M14.5 7.5 L7.5 14.5',
    ink: mark.ink,
  };
}

/** The badge as SVG markup, for a Leaflet div icon. */
export function severityMarkSvg(style: SeverityStyle): string {
  const m = markShapes(style);
  if (!m) return '';
  const rects = m.rects.map((r) => `<rect x="${r.x}" y="${r.y}" width="${r.width}" height="${r.height}" fill="${m.ink}"/>`).join('');
  const cross = m.cross ? `<path d="${m.cross}" stroke="${m.ink}" stroke-width="2.4" stroke-linecap="round"/>` : '';
  return `<svg viewBox="0 0 ${MARK_SIZE} ${MARK_SIZE}" width="${MARK_SIZE}" height="${MARK_SIZE}" aria-hidden="true" focusable="false"><polygon points="${m.outline.points}" fill="${m.outline.fill}" stroke="#ffffff" stroke-width="1.5" stroke-linejoin="round"/>${rects}${cross}</svg>`;
}
