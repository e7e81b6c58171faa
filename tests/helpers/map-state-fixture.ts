import type { BuildMapStateInput } from '@/lib/map-state/build-map-state';
import type { IncidentRecord } from '@/lib/map-state/incident-at';

/**
 * The small map the map-state and live tests share: three académies, three platforms (ent-hdf only in Lille), a
 * morning of 6 April 2021 (the CNED outage), and expected counts for cned and pronote.
 */
export const at = new Date('2021-04-06T07:02:00Z');

/** `at` shifted by m minutes. */
export const min = (m: number) => new Date(at.getTime() + m * 60_000);

export const ACADEMY_IDS = ['lille', 'paris', 'versailles'];

export const PLATFORMS = [
  { id: 'cned', academies: ['lille', 'paris', 'versailles'] },
  { id: 'pronote', academies: ['lille', 'paris', 'versailles'] },
  { id: 'ent-hdf', academies: ['lille'] },
];

/** A sparkline of 36 empty 5-minute buckets (three hours). */
export const zeros = () => new Array<number>(36).fill(0);

export const expectedCounts = () =>
  new Map([
    ['cned', new Map([['lille', 2], ['paris', 4], ['versailles', 3]])],
    ['pronote', new Map([['lille', 10], ['paris', 20], ['versailles', 15]])],
  ]);

/** A live state at `at`: pronote busy in Paris, two cned reports in Lille, no incident, nothing filtered. */
export function mapStateInput(over: Partial<BuildMapStateInput> = {}): BuildMapStateInput {
  return {
    at,
    live: true,
    windowMinutes: 30,
    academyIds: ACADEMY_IDS,
    platforms: PLATFORMS,
    counts: [
      { platformId: 'pronote', academyId: 'paris', reports: 6, reporters: 5 },
      { platformId: 'cned', academyId: 'lille', reports: 2, reporters: 2 },
    ],
    expected: expectedCounts(),
    incidents: [],
    sparklines: new Map(PLATFORMS.map((p) => [p.id, zeros()])),
    platformId: null,
    category: null,
    seq: 100,
    ...over,
  };
}

/** A local incident raised 15 minutes before `at`, still open. */
export function incident(over: Partial<IncidentRecord> & { id: string; platformId: string }): IncidentRecord {
  return { level: 'detected', startedAt: min(-20), detectedAt: min(-15), endedAt: null, national: false, academies: [], ...over };
}
