import { ALL_PATTERNS, type PatternSpec } from '@/lib/map-view/severity-style';

function Hatch({ spec }: { spec: PatternSpec }) {
  return (
    <pattern id={spec.id} width="7" height="7" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
      <rect width="7" height="7" fill={spec.fill} />
      <line x1="1" y1="0" x2="1" y2="7" stroke={spec.stroke} strokeWidth="1.6" />
      {spec.kind === 'cross' ? <line x1="0" y1="4.5" x2="7" y2="4.5" stroke={spec.stroke} strokeWidth="1.6" /> : null}
    </pattern>
  );
}

/** Hatch patterns referenced as `url(#motif-…)` by the map, the legend and the table (defined once per page). */
export function SeverityPatterns() {
  return (
    <svg className="severity-patterns" width="0" height="0" aria-hidden="true" focusable="false">
      <defs>
        {ALL_PATTERNS.map((spec) => (
          <Hatch key={spec.id} spec={spec} />
        ))}
      </defs>
    </svg>
  );
}
