import { intensityOf, SEVERITY_ORDER } from './severity';
import type { AcademyPlatformState, Severity } from './types';

/** A national service "stands out" in an académie when its ratio there is this many times its national ratio. */
export const STAND_OUT_FACTOR = 3;
/** …and at least this many distinct reporters there (a handful of reports in a quiet académie proves nothing). */
export const STAND_OUT_MIN_REPORTERS = 5;
/** Expected volume floor when comparing ratios (same floor as the colour intensity). */
const EXPECTED_FLOOR = 0.5;

/**
 * A national incident of a service serving most académies: it gets the national strip. A "national"
 * incident of a regional service (all the académies it serves) stays on the map.
 */
export function isNationwideOutage(p: { national: boolean; status: string; academyCount: number }, academyTotal: number): boolean {
  return p.national && p.status !== 'operational' && p.academyCount * 2 > academyTotal;
}

/** Reporters and expectation of each nationwide outage's service (the national level to compare with). */
export function nationwideTotals<T extends { platformId: string; national: boolean; status: string; academyCount: number }>(
  platforms: readonly T[],
  academyTotal: number,
): Map<string, T> {
  return new Map(platforms.filter((p) => isNationwideOutage(p, academyTotal)).map((p) => [p.platformId, p]));
}

const ratio = (reporters: number, expected: number) => reporters / Math.max(expected, EXPECTED_FLOOR);

/** True when a nationally failing service is reported here well above its national level. */
export function standsOut(entry: { reporters: number; expected: number }, national: { reporters: number; expected: number }): boolean {
  if (entry.reporters < STAND_OUT_MIN_REPORTERS) return false;
  return ratio(entry.reporters, entry.expected) >= STAND_OUT_FACTOR * ratio(national.reporters, national.expected);
}

/**
 * Tags each entry covered by a national incident: `national: true` when it is only the national
 * outage seen here, `standsOut: true` when this académie's reports stand out from the national level.
 */
export function tagNational(
  entries: readonly AcademyPlatformState[],
  nationalTotals: ReadonlyMap<string, { reporters: number; expected: number }>,
): AcademyPlatformState[] {
  return entries.map((e) => {
    const totals = nationalTotals.get(e.platformId);
    if (!totals || e.severity === 'normal') {
      const { national: _n, standsOut: _s, ...rest } = e;
      return rest;
    }
    return standsOut(e, totals) ? { ...e, national: false, standsOut: true } : { ...e, national: true, standsOut: false };
  });
}

export function byEntrySeverity(a: AcademyPlatformState, b: AcademyPlatformState): number {
  return SEVERITY_ORDER[b.severity] - SEVERITY_ORDER[a.severity] || b.reporters - a.reporters || a.platformId.localeCompare(b.platformId);
}

/**
 * Severity and intensity of an académie from its platform entries (most severe first). With
 * `beyondNational`, entries that only echo a national outage are left out: the map then shows what
 * is wrong *there*, the national outage having its own strip.
 */
export function academySeverity(entries: readonly AcademyPlatformState[], beyondNational: boolean): { severity: Severity; intensity: number; nationalSeverity: Severity } {
  const local = beyondNational ? entries.filter((e) => !e.national) : entries;
  const severity = local.reduce<Severity>((worst, e) => (SEVERITY_ORDER[e.severity] > SEVERITY_ORDER[worst] ? e.severity : worst), 'normal');
  // Intensity of the worst platform at the académie's level: summing all platforms would dilute one outage.
  const intensity = Math.max(0, ...local.filter((e) => e.severity === severity).map((e) => intensityOf(e.reporters, e.expected)));
  const nationalSeverity = entries
    .filter((e) => e.national)
    .reduce<Severity>((worst, e) => (SEVERITY_ORDER[e.severity] > SEVERITY_ORDER[worst] ? e.severity : worst), 'normal');
  return { severity, intensity, nationalSeverity };
}
