import { DAY_TYPES, getDayType, localMinuteOfDay, type DayType } from '@/lib/calendar/day-type';
import { getTimeZone, toLocalParts } from '@/lib/calendar/time-zones';

/** Calendar position of every bucket of a regular series, shared by all series of an académie. */
export type CalendarGrid = {
  academyId: string;
  t0: number;
  bucketMs: number;
  length: number;
  slotMinutes: number;
  /** Day-type index (into DAY_TYPES) × slots per day + slot of each bucket's centre. */
  cells: Uint16Array;
  /** Position of each bucket's centre in slot units, minus 0.5 (0 = centre of slot 0). */
  positions: Float32Array;
};

const MINUTE_MS = 60_000;
export const MINUTES_PER_DAY = 1440;

const DAY_TYPE_INDEX = new Map<DayType, number>(DAY_TYPES.map((dayType, i) => [dayType, i]));

export function getDayTypeIndex(dayType: DayType): number {
  return DAY_TYPE_INDEX.get(dayType) ?? 0;
}

export function slotsPerDay(slotMinutes: number): number {
  return Math.round(MINUTES_PER_DAY / slotMinutes);
}

/** Day-type index and fractional slot position of the centre of the bucket starting at t. */
export function locateBucket(
  t: number,
  bucketMs: number,
  academyId: string,
  slotMinutes: number,
): { dayTypeIndex: number; position: number } {
  const centre = t + bucketMs / 2;
  const dayTypeIndex = getDayTypeIndex(getDayType(centre, academyId));
  const fraction = (((centre % MINUTE_MS) + MINUTE_MS) % MINUTE_MS) / MINUTE_MS;
  const minute = localMinuteOfDay(centre, academyId) + fraction;
  return { dayTypeIndex, position: minute / slotMinutes - 0.5 };
}

/** Precomputes day type and slot of `length` buckets of width bucketMs from t0 (epoch ms). */
export function buildCalendarGrid({
  academyId,
  t0,
  bucketMs,
  length,
  slotMinutes,
}: {
  academyId: string;
  t0: number;
  bucketMs: number;
  length: number;
  slotMinutes: number;
}): CalendarGrid {
  const slots = slotsPerDay(slotMinutes);
  const timeZone = getTimeZone(academyId);
  const cells = new Uint16Array(length);
  const positions = new Float32Array(length);
  let lastDay = -1;
  let dayTypeIndex = 0;
  for (let i = 0; i < length; i++) {
    const centre = t0 + i * bucketMs + bucketMs / 2;
    const parts = toLocalParts(centre, timeZone);
    const day = (parts.year * 13 + parts.month) * 32 + parts.day;
    if (day !== lastDay) {
      dayTypeIndex = getDayTypeIndex(getDayType(centre, academyId));
      lastDay = day;
    }
    const minute = parts.minuteOfDay + (((centre % MINUTE_MS) + MINUTE_MS) % MINUTE_MS) / MINUTE_MS;
    const position = minute / slotMinutes - 0.5;
    const slot = Math.min(slots - 1, Math.max(0, Math.floor(position + 0.5)));
    cells[i] = dayTypeIndex * slots + slot;
    positions[i] = position;
  }
  return { academyId, t0, bucketMs, length, slotMinutes, cells, positions };
}
