import { markShapes, MARK_SIZE } from '@/lib/map-view/severity-mark';
import type { SeverityStyle } from '@/lib/map-view/severity-style';

/** The map badge as JSX (legend, overseas insets); `x`/`y` centre it inside a parent SVG. */
export function SeverityMark({ style, x, y }: { style: SeverityStyle; x?: number; y?: number }) {
  const m = markShapes(style);
  if (!m) return null;
  const nested = x !== undefined && y !== undefined;
  return (
    <svg
      className="severity-mark"
      viewBox={`0 0 ${MARK_SIZE} ${MARK_SIZE}`}
      width={MARK_SIZE}
      height={MARK_SIZE}
      {...(nested ? { x: x - MARK_SIZE / 2, y: y - MARK_SIZE / 2 } : {})}
      aria-hidden="true"
      focusable="false"
    >
      <polygon points={m.outline.points} fill={m.outline.fill} stroke="#ffffff" strokeWidth="1.5" strokeLinejoin="round" />
      {m.rects.map((r) => (
        <rect key={`${r.x}-${r.y}`} {...r} fill={m.ink} />
      ))}
      {m.cross ? <path d={m.cross} stroke={m.ink} strokeWidth="2.4" strokeLinecap="round" /> : null}
    </svg>
  );
}
