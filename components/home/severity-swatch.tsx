import type { SeverityStyle } from '@/lib/map-view/severity-style';

/** A small sample of an académie's fill (colour and hatching), next to its text label. */
export function SeveritySwatch({ style, size = 16 }: { style: SeverityStyle; size?: number }) {
  return (
    <svg className="severity-swatch" width={size} height={size} viewBox="0 0 16 16" aria-hidden="true" focusable="false">
      <rect x="0.5" y="0.5" width="15" height="15" rx="2" fill={style.paint} stroke="#5a6678" />
    </svg>
  );
}
