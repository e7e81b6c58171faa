import { isPublicHoliday } from './public-holidays';
import { isSchoolHoliday } from './school-holidays';
import { formatLocalDate, getTimeZone, toLocalParts } from './time-zones';

export const DAY_TYPES = [
  'school',
  'wednesday',
  'saturday',
  'sunday',
  'public_holiday',
  'school_holiday',
] as const;
export type DayType = (typeof DAY_TYPES)[number];

export const NATIONAL_ACADEMY_ID = 'paris';

const MAX_CACHED_DAYS = 200_000;
const dayTypeCache = new Map<string, DayType>();

function classifyDay(academyId: string, localDate: string, weekday: number): DayType {
  if (isPublicHoliday(localDate, academyId)) return 'public_holiday';
  if (isSchoolHoliday(academyId, localDate)) return 'school_holiday';
  if (weekday === 0) return 'sunday';
  if (weekday === 6) return 'saturday';
  if (weekday === 3) return 'wednesday';
  return 'school';
}

/**
 * Day type of the académie's local calendar day containing the instant. Distance-learning closures
 * (April 2021) stay school days: pupils still use the platforms, more than usual.
 */
export function getDayType(instant: Date | number, academyId: string): DayType {
  const parts = toLocalParts(instant, getTimeZone(academyId));
  const localDate = formatLocalDate(parts);
  const key = `${academyId}|${localDate}`;
  let dayType = dayTypeCache.get(key);
  if (dayType === undefined) {
    if (dayTypeCache.size > MAX_CACHED_DAYS) dayTypeCache.clear();
    dayType = classifyDay(academyId, localDate, parts.weekday);
    dayTypeCache.set(key, dayType);
  }
  return dayType;
}

/** Day type for national series, on the Paris (zone C, metropolitan) calendar. */
export function getNationalDayType(instant: Date | number): DayType {
  return getDayType(instant, NATIONAL_ACADEMY_ID);
}

/** Minutes since local midnight (0–1439) in the académie's time zone. */
export function localMinuteOfDay(instant: Date | number, academyId: string): number {
  return toLocalParts(instant, getTimeZone(academyId)).minuteOfDay;
}

/** Local calendar date 'YYYY-MM-DD' of the instant in the académie's time zone. */
export function localDateOf(instant: Date | number, academyId: string): string {
  return formatLocalDate(toLocalParts(instant, getTimeZone(academyId)));
}
