import table from './data/public-holidays.json';

// strasbourg = Bas-Rhin + Haut-Rhin, both under the Alsace-Moselle local law (Vendredi saint,
// 26 Dec).
// nancy-metz keeps the national calendar: of its 4 départements only Moselle has those days, and a
// day off for a minority of the académie would hide real traffic in the other three.
const ACADEMY_HOLIDAY_STATES: Record<string, string> = {
  strasbourg: '67',
  guadeloupe: 'GP',
  martinique: 'MQ',
  guyane: 'GF',
  'la-reunion': 'RE',
  mayotte: 'YT',
};
const NATIONAL = 'FR';

const datesByStateYear = new Map<string, Set<string>>();

/**
 * Public holidays (`YYYY-MM-DD`) of a calendar in a year, from the table generated from date-holidays
 * (`data/public-holidays.json`, scripts/public-holidays-table.ts); none outside the table's years.
 */
export function publicHolidays(state: string, year: number): Set<string> {
  const key = `${state}:${year}`;
  let dates = datesByStateYear.get(key);
  if (!dates) {
    const days = (table.years as Record<string, string[]>)[state]?.[year - table._meta.firstYear] ?? '';
    dates = new Set(days.split(' ').filter(Boolean).map((mmdd) => `${year}-${mmdd.slice(0, 2)}-${mmdd.slice(2)}`));
    datesByStateYear.set(key, dates);
  }
  return dates;
}

/** date-holidays state code used for an académie ('FR' = national calendar). */
export function getHolidayState(academyId: string): string {
  return ACADEMY_HOLIDAY_STATES[academyId] ?? NATIONAL;
}

/** True when the local date 'YYYY-MM-DD' is a public holiday (jour férié) in the académie. */
export function isPublicHoliday(localDate: string, academyId: string): boolean {
  const year = Number(localDate.slice(0, 4));
  return publicHolidays(getHolidayState(academyId), year).has(localDate);
}
