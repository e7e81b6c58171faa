// Writes lib/calendar/data/public-holidays.json: the public holidays (jours fériés) of each calendar the app uses,
// for every year of the table, computed by date-holidays (the maintained source). The app reads the table, so the
// package (its rule engine, moment-timezone and the data of every country: about 25 MB resident) is not loaded by
// the server or the worker. tests/unit/calendar/public-holidays.test.ts fails when the table and the package differ.
// Usage: node --import tsx scripts/public-holidays-table.ts
import { writeFileSync } from 'node:fs';
import { HOLIDAY_STATES, publicHolidaysFromPackage } from '../lib/calendar/public-holidays-source';

const FIRST_YEAR = 2000;
const LAST_YEAR = 2100;

const years: Record<string, string[]> = {};
for (const state of HOLIDAY_STATES) {
  years[state] = [];
  for (let year = FIRST_YEAR; year <= LAST_YEAR; year += 1) {
    years[state].push(publicHolidaysFromPackage(state, year).map((d) => d.slice(5).replace('-', '')).join(' '));
  }
}
const table = { _meta: { source: 'date-holidays (npm), public holidays only', generator: 'scripts/public-holidays-table.ts', firstYear: FIRST_YEAR, lastYear: LAST_YEAR, format: 'state → one string per year from firstYear: MMDD separated by spaces' }, years };
writeFileSync('lib/calendar/data/public-holidays.json', `${JSON.stringify(table)}\n`);
console.log(`lib/calendar/data/public-holidays.json: ${HOLIDAY_STATES.length} calendars, ${FIRST_YEAR}–${LAST_YEAR}`);
