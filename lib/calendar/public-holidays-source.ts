import Holidays from 'date-holidays';

/**
 * date-holidays state codes of the calendars the app uses ('FR' = national calendar); the table
 * `data/public-holidays.json` is generated from this module (scripts/public-holidays-table.ts).
 */
export const HOLIDAY_STATES = ['FR', '67', 'GP', 'MQ', 'GF', 'RE', 'YT'] as const;

/** Public holidays (`YYYY-MM-DD`, sorted) of a calendar in a year, as the package computes them. */
export function publicHolidaysFromPackage(state: string, year: number): string[] {
  const calendar = state === 'FR' ? new Holidays('FR') : new Holidays('FR', state);
  const dates = calendar
    .getHolidays(year)
    .filter((holiday) => holiday.type === 'public')
    .map((holiday) => holiday.date.slice(0, 10));
  return [...new Set(dates)].sort();
}
