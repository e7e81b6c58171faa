/**
 * A scrollable table container named after its table; focusable so keyboard users can scroll it
 * (WCAG 2.1.1, axe rule scrollable-region-focusable).
 */
export function ScrollRegion({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="table-scroll" role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}
