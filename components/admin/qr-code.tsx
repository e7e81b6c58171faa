/** A QR code drawn as one SVG path from its modules (no inline markup, no data: URL for the CSP). */
export function QrCode({ modules, label }: { modules: boolean[][]; label: string }) {
  const size = modules.length;
  const quiet = 2;
  const path = modules.flatMap((row, y) => row.flatMap((dark, x) => (dark ? [`M${x + quiet} ${y + quiet}h1v1h-1z`] : []))).join('');
  return (
    <svg className="admin-qr" role="img" aria-label={label} viewBox={`0 0 ${size + 2 * quiet} ${size + 2 * quiet}`} width={220} height={220} shapeRendering="crispEdges">
      <rect width="100%" height="100%" fill="#fff" />
      <path d={path} fill="#000" />
    </svg>
  );
}
