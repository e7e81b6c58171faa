import { z } from 'zod';
import rawHolidays from './data/school-holidays.json';
import rawZones from './data/academy-zones.json';

const periodSchema = z.object({
  zone: z.string(),
  name: z.string(),
  kind: z.string(),
  start: z.string(),
  end: z.string().nullable(),
  population: z.string().nullable(),
});
const closureSchema = z.object({
  academies: z.array(z.string()),
  name: z.string(),
  kind: z.string(),
  levels: z.array(z.string()),
  start: z.string(),
  end: z.string(),
});
const holidaysFileSchema = z.object({
  periods: z.array(periodSchema),
  closures: z.array(closureSchema),
});
const zonesFileSchema = z.object({ academies: z.record(z.string(), z.string()) });

type Period = z.infer<typeof periodSchema>;
export type SchoolClosure = z.infer<typeof closureSchema>;
type Interval = { start: number; end: number };
type ZoneIndex = { starts: number[]; ends: number[] };

const DAY_MS = 86_400_000;
const ALL_SCHOOL_LEVELS = ['ecole', 'college', 'lycee'];
// Open-ended rows are summer starts whose rentrée is not published yet: assume a typical length.
const OPEN_END_DAYS: Record<string, number> = { 'la-reunion': 42 };
const DEFAULT_OPEN_END_DAYS = 60;
const LEVEL_POPULATIONS = ['Élèves du premier degré', 'Élèves du second degré'];

/** Day number (days since 1970-01-01) of a 'YYYY-MM-DD' calendar date. */
export function toDayNumber(localDate: string): number {
  const [y, m, d] = localDate.split('-').map(Number);
  return Math.floor(Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1) / DAY_MS);
}

function toInterval(period: Period): Interval {
  const start = toDayNumber(period.start);
  const end = period.end
    ? toDayNumber(period.end)
    : start + (OPEN_END_DAYS[period.zone] ?? DEFAULT_OPEN_END_DAYS);
  return { start, end };
}

// Guadeloupe rows restricted to sub-territories still cover Guadeloupe itself (most pupils) when
// they start with "Guadeloupe"; Saint-Martin- or Saint-Barthélemy-only rows do not.
function isAllPupils(period: Period): boolean {
  return period.population === null || period.population.startsWith('Guadeloupe');
}

function intersectLevelRows(rows: Period[]): Interval[] {
  const [first, second] = LEVEL_POPULATIONS;
  const primary = rows.filter((row) => row.population === first).map(toInterval);
  const secondary = rows.filter((row) => row.population === second).map(toInterval);
  const both: Interval[] = [];
  for (const a of primary) {
    for (const b of secondary) {
      const start = Math.max(a.start, b.start);
      const end = Math.min(a.end, b.end);
      if (end > start) both.push({ start, end });
    }
  }
  return both;
}

function mergeIntervals(intervals: Interval[]): ZoneIndex {
  const sorted = [...intervals].sort((a, b) => a.start - b.start);
  const starts: number[] = [];
  const ends: number[] = [];
  for (const { start, end } of sorted) {
    const last = ends.length - 1;
    if (last >= 0 && start <= (ends[last] ?? 0)) {
      ends[last] = Math.max(ends[last] ?? 0, end);
    } else {
      starts.push(start);
      ends.push(end);
    }
  }
  return { starts, ends };
}

function buildIndex(periods: Period[]): Map<string, ZoneIndex> {
  const byZone = new Map<string, Period[]>();
  for (const period of periods) {
    const list = byZone.get(period.zone) ?? [];
    list.push(period);
    byZone.set(period.zone, list);
  }
  const index = new Map<string, ZoneIndex>();
  for (const [zone, rows] of byZone) {
    const intervals = rows.filter(isAllPupils).map(toInterval);
    index.set(zone, mergeIntervals([...intervals, ...intersectLevelRows(rows)]));
  }
  return index;
}

const holidaysFile = holidaysFileSchema.parse(rawHolidays);
const academyZones = zonesFileSchema.parse(rawZones).academies;
const zoneIndex = buildIndex(holidaysFile.periods);

function isInIndex(index: ZoneIndex, day: number): boolean {
  let lo = 0;
  let hi = index.starts.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if ((index.starts[mid] ?? 0) <= day) lo = mid + 1;
    else hi = mid - 1;
  }
  return hi >= 0 && day < (index.ends[hi] ?? 0);
}

/** Holiday zone of an académie ('A', 'B', 'C', 'corse' or overseas id); throws on an unknown id. */
export function getHolidayZone(academyId: string): string {
  const zone = academyZones[academyId];
  if (zone === undefined) throw new Error(`Académie inconnue : ${academyId}`);
  return zone;
}

/**
 * True when all pupils of the académie are on holiday on this local date (holidays, ponts, local
 * days off). Exceptional closures with distance learning are not holidays: see getSchoolClosure.
 */
export function isSchoolHoliday(academyId: string, localDate: string): boolean {
  const index = zoneIndex.get(getHolidayZone(academyId));
  return index !== undefined && isInIndex(index, toDayNumber(localDate));
}

/** Exceptional closure (distance learning, April 2021) covering this académie and date, or null. */
export function getSchoolClosure(academyId: string, localDate: string): SchoolClosure | null {
  const found = holidaysFile.closures.find(
    (closure) =>
      closure.academies.includes(academyId) &&
      closure.start <= localDate &&
      localDate < closure.end,
  );
  return found ?? null;
}

/** True when every school level of the académie is closed (distance learning) on this date. */
export function isClosedForAllLevels(academyId: string, localDate: string): boolean {
  const closure = getSchoolClosure(academyId, localDate);
  return closure !== null && ALL_SCHOOL_LEVELS.every((level) => closure.levels.includes(level));
}
