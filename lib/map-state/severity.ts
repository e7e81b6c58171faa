import type { IncidentLevel } from '@/lib/domain/types';
import type { Severity } from './types';

/** Observed/expected ratio at which intensity saturates within a level. */
const SATURATION_RATIO = 20;
/** Expected volume is floored so that a quiet académie does not turn 1 report into a huge ratio. */
const EXPECTED_FLOOR = 0.5;

export const SEVERITY_ORDER: Record<Severity, number> = { normal: 0, perturbe: 1, panne: 2 };

/** Severity comes from the detector (open incidents); raw counts never colour an académie red. */
export function severityFromIncident(level: IncidentLevel | null): Severity {
  if (level === 'detected') return 'panne';
  return level === 'possible' ? 'perturbe' : 'normal';
}

/** 0..1: how far observed is above expected (log scale, saturating at 20×); 0 at or below the baseline. */
export function intensityOf(reporters: number, expected: number): number {
  const ratio = reporters / Math.max(expected, EXPECTED_FLOOR);
  if (!(ratio > 1)) return 0;
  return Math.min(1, Math.log(ratio) / Math.log(SATURATION_RATIO));
}

export function severityFor(input: { incidentLevel: IncidentLevel | null; reporters: number; expected: number }): {
  severity: Severity;
  intensity: number;
} {
  return { severity: severityFromIncident(input.incidentLevel), intensity: intensityOf(input.reporters, input.expected) };
}

export function mostSevere(a: Severity, b: Severity): Severity {
  return SEVERITY_ORDER[a] >= SEVERITY_ORDER[b] ? a : b;
}
