const PARIS = 'Europe/Paris';

export const ACADEMY_TIME_ZONES: Record<string, string> = {
  'aix-marseille': PARIS,
  amiens: PARIS,
  besancon: PARIS,
  bordeaux: PARIS,
  'clermont-ferrand': PARIS,
  corse: PARIS,
  creteil: PARIS,
  dijon: PARIS,
  grenoble: PARIS,
  lille: PARIS,
  limoges: PARIS,
  lyon: PARIS,
  montpellier: PARIS,
  'nancy-metz': PARIS,
  nantes: PARIS,
  nice: PARIS,
  normandie: PARIS,
  'orleans-tours': PARIS,
  paris: PARIS,
  poitiers: PARIS,
  reims: PARIS,
  rennes: PARIS,
  strasbourg: PARIS,
  toulouse: PARIS,
  versailles: PARIS,
  guadeloupe: 'America/Guadeloupe',
  martinique: 'America/Martinique',
  guyane: 'America/Cayenne',
  'la-reunion': 'Indian/Reunion',
  mayotte: 'Indian/Mayotte',
};

export type LocalParts = {
  year: number;
  month: number;
  day: number;
  /** 0 = Sunday … 6 = Saturday */
  weekday: number;
  minuteOfDay: number;
};

const HOUR_MS = 3_600_000;
const MINUTE_MS = 60_000;
const MAX_CACHED_HOURS = 50_000;

const formatters = new Map<string, Intl.DateTimeFormat>();
const offsetCache = new Map<string, Map<number, number>>();

/** IANA time zone of an académie; throws on an unknown id. */
export function getTimeZone(academyId: string): string {
  const zone = ACADEMY_TIME_ZONES[academyId];
  if (zone === undefined) throw new Error(`Académie inconnue : ${academyId}`);
  return zone;
}

function getFormatter(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

function computeOffsetMs(epochMs: number, timeZone: string): number {
  const fields: Record<string, number> = {};
  for (const part of getFormatter(timeZone).formatToParts(new Date(epochMs))) {
    if (part.type !== 'literal') fields[part.type] = Number(part.value);
  }
  const asUtc = Date.UTC(
    fields.year ?? 1970,
    (fields.month ?? 1) - 1,
    fields.day ?? 1,
    fields.hour ?? 0,
    fields.minute ?? 0,
  );
  return asUtc - Math.floor(epochMs / MINUTE_MS) * MINUTE_MS;
}

// Offsets of the supported zones only change on whole UTC hours, so one lookup per hour is exact.
function getOffsetMs(epochMs: number, timeZone: string): number {
  let byHour = offsetCache.get(timeZone);
  if (!byHour) {
    byHour = new Map();
    offsetCache.set(timeZone, byHour);
  }
  const hour = Math.floor(epochMs / HOUR_MS);
  let offset = byHour.get(hour);
  if (offset === undefined) {
    if (byHour.size > MAX_CACHED_HOURS) byHour.clear();
    offset = computeOffsetMs(hour * HOUR_MS, timeZone);
    byHour.set(hour, offset);
  }
  return offset;
}

/**
 * The instant (epoch ms) of a wall-clock time in `timeZone`, given as `Date.UTC` of its fields. A time
 * skipped by the spring change maps to the hour after; a repeated autumn time to its second pass.
 */
export function wallClockToInstant(wallMs: number, timeZone: string): number {
  return wallMs - getOffsetMs(wallMs - getOffsetMs(wallMs, timeZone), timeZone);
}

/** Wall-clock calendar fields of an instant in an IANA time zone. */
export function toLocalParts(instant: Date | number, timeZone: string): LocalParts {
  const epochMs = typeof instant === 'number' ? instant : instant.getTime();
  const local = new Date(epochMs + getOffsetMs(epochMs, timeZone));
  return {
    year: local.getUTCFullYear(),
    month: local.getUTCMonth() + 1,
    day: local.getUTCDate(),
    weekday: local.getUTCDay(),
    minuteOfDay: local.getUTCHours() * 60 + local.getUTCMinutes(),
  };
}

/** Epoch ms of local midnight starting the calendar day `date` ('YYYY-MM-DD') in `timeZone` (23 or 25 hours before the next on clock changes). */
export function zonedMidnight(date: string, timeZone: string): number {
  const [year = 1970, month = 1, day = 1] = date.split('-').map(Number);
  return wallClockToInstant(Date.UTC(year, month - 1, day), timeZone);
}

/** The calendar day `days` after `date` ('YYYY-MM-DD'; negative goes back). */
export function addDays(date: string, days: number): string {
  const [year = 1970, month = 1, day = 1] = date.split('-').map(Number);
  return new Date(Date.UTC(year, month - 1, day + days)).toISOString().slice(0, 10);
}

/** Local calendar date 'YYYY-MM-DD' of the given parts. */
export function formatLocalDate(parts: Pick<LocalParts, 'year' | 'month' | 'day'>): string {
  const month = String(parts.month).padStart(2, '0');
  const day = String(parts.day).padStart(2, '0');
  return `${parts.year}-${month}-${day}`;
}
