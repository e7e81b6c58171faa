import type { Severity } from '@/lib/map-state/types';

export type IntensityStep = 0 | 1 | 2;
export type HatchKind = 'diagonal' | 'cross';
export type MarkShape = 'triangle' | 'octagon';

export type PatternSpec = { id: string; fill: string; stroke: string; kind: HatchKind };

/** How one académie is drawn: fill (a colour or an SVG pattern), and the badge that repeats the level. */
export type SeverityStyle = {
  severity: Severity;
  step: IntensityStep;
  served: boolean;
  /** Flat colour behind the hatching (also the legend swatch). */
  fill: string;
  /** Value for an SVG `fill` attribute: the colour, or `url(#pattern)`. */
  paint: string;
  pattern: PatternSpec | null;
  mark: { shape: MarkShape; fill: string; ink: string } | null;
};

/** Light to dark within a level: the darker, the further reports are above the baseline. */
const FILLS: Record<Severity, readonly [string, string, string]> = {
  normal: ['#e3efe6', '#c9e2cf', '#abd2b5'],
  perturbe: ['#fde3a7', '#f9c056', '#e89a1c'],
  panne: ['#f5b3ad', '#e0665c', '#b3261e'],
};
const HATCH: Record<Exclude<Severity, 'normal'>, { kind: HatchKind; ink: readonly [string, string, string] }> = {
  perturbe: { kind: 'diagonal', ink: ['#6b4300', '#5a3800', '#3d2600'] },
  panne: { kind: 'cross', ink: ['#5c1310', '#3d0c09', '#ffffff'] },
};
const MARKS: Record<Exclude<Severity, 'normal'>, { shape: MarkShape; fill: string; ink: string }> = {
  perturbe: { shape: 'triangle', fill: '#5a3800', ink: '#ffffff' },
  panne: { shape: 'octagon', fill: '#7a1712', ink: '#ffffff' },
};
export const UNSERVED_FILL = '#f7f8fa';
/** Outline between académies and around the focused one. */
export const AREA_OUTLINE = '#ffffff';
export const FOCUS_OUTLINE = '#1b2430';

export function intensityStep(intensity: number): IntensityStep {
  if (!(intensity >= 1 / 3)) return 0;
  return intensity >= 2 / 3 ? 2 : 1;
}

export function patternId(severity: Exclude<Severity, 'normal'>, step: IntensityStep): string {
  return `motif-${severity}-${step}`;
}

function patternFor(severity: Severity, step: IntensityStep): PatternSpec | null {
  if (severity === 'normal') return null;
  const hatch = HATCH[severity];
  return { id: patternId(severity, step), fill: FILLS[severity][step], stroke: hatch.ink[step], kind: hatch.kind };
}

/** Colour, hatching and badge of an académie; `served: false` (platform absent there) is drawn neutral. */
export function severityStyle(severity: Severity, intensity: number, served = true): SeverityStyle {
  const step = intensityStep(intensity);
  if (!served) return { severity, step: 0, served, fill: UNSERVED_FILL, paint: UNSERVED_FILL, pattern: null, mark: null };
  const pattern = patternFor(severity, step);
  return {
    severity,
    step,
    served,
    fill: FILLS[severity][step],
    paint: pattern ? `url(#${pattern.id})` : FILLS[severity][step],
    pattern,
    mark: severity === 'normal' ? null : MARKS[severity],
  };
}

/** Every pattern the map may reference (rendered once in the page's SVG <defs>). */
export const ALL_PATTERNS: PatternSpec[] = (['perturbe', 'panne'] as const).flatMap((s) =>
  ([0, 1, 2] as const).map((step) => patternFor(s, step) as PatternSpec),
);

export const SEVERITIES: readonly Severity[] = ['normal', 'perturbe', 'panne'];
