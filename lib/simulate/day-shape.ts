import type { DayType } from '@/lib/calendar/day-type';

/** Column of the traffic-shape table (scenario doc §2). */
export type ShapeColumn = 'school' | 'wednesday' | 'saturday' | 'sunday';

// [local minute where the segment starts, value]; school days also ramp 06:30–07:30 (below).
type Segment = readonly [number, number];

const SCHOOL: readonly Segment[] = [
  [0, 0.02],
  [450, 1.0],
  [510, 0.5],
  [720, 0.4],
  [840, 0.5],
  [1020, 0.7],
  [1260, 0.2],
];
const WEDNESDAY: readonly Segment[] = [
  [0, 0.02],
  [450, 1.0],
  [510, 0.5],
  [720, 0.25],
  [1020, 0.7],
  [1260, 0.2],
];
const SATURDAY: readonly Segment[] = [
  [0, 0.02],
  [480, 0.15],
  [1200, 0.1],
];
const SUNDAY: readonly Segment[] = [
  [0, 0.02],
  [480, 0.1],
  [1020, 0.3],
  [1320, 0.1],
];

const RAMP_START = 390;
const RAMP_END = 450;
const RAMP_FROM = 0.02;
const RAMP_TO = 0.6;

const TABLES: Record<ShapeColumn, readonly Segment[]> = {
  school: SCHOOL,
  wednesday: WEDNESDAY,
  saturday: SATURDAY,
  sunday: SUNDAY,
};

const COLUMN_BY_DAY_TYPE: Record<DayType, ShapeColumn> = {
  school: 'school',
  wednesday: 'wednesday',
  saturday: 'saturday',
  sunday: 'sunday',
  public_holiday: 'sunday',
  school_holiday: 'saturday',
};

/** Shape column used for a calendar day type (holidays: Sunday; school holidays: Saturday). */
export function getShapeColumn(dayType: DayType): ShapeColumn {
  return COLUMN_BY_DAY_TYPE[dayType];
}

/** Traffic shape (1.0 = school-day 07:30–08:30 peak) at a local minute of day (0–1439). */
export function getShape(column: ShapeColumn, localMinute: number): number {
  const isWeekday = column === 'school' || column === 'wednesday';
  if (isWeekday && localMinute >= RAMP_START && localMinute < RAMP_END) {
    const progress = (localMinute - RAMP_START) / (RAMP_END - RAMP_START);
    return RAMP_FROM + (RAMP_TO - RAMP_FROM) * progress;
  }
  const table = TABLES[column];
  let value = table[0]?.[1] ?? 0;
  for (const [from, segmentValue] of table) {
    if (localMinute < from) break;
    value = segmentValue;
  }
  return value;
}

/** Shape for each of the 1440 minutes of a day of the given column. */
export function getDayProfile(column: ShapeColumn): Float64Array {
  const profile = new Float64Array(1440);
  for (let minute = 0; minute < 1440; minute++) profile[minute] = getShape(column, minute);
  return profile;
}
