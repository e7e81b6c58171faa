import { sparklinePoints } from '@/lib/map-view/sparkline';

const WIDTH = 96;
const HEIGHT = 24;

/** 36 five-minute buckets as a tiny line (decorative: the list item reads the same figures out). */
export function Sparkline({ values, status }: { values: readonly number[]; status: string }) {
  return (
    <svg className={`sparkline sparkline-${status}`} width={WIDTH} height={HEIGHT} viewBox={`0 0 ${WIDTH} ${HEIGHT}`} aria-hidden="true" focusable="false">
      <line x1="0" y1={HEIGHT - 0.5} x2={WIDTH} y2={HEIGHT - 0.5} className="sparkline-base" />
      <polyline points={sparklinePoints(values, WIDTH, HEIGHT, 1.5)} fill="none" strokeWidth="1.5" strokeLinejoin="round" />
    </svg>
  );
}
