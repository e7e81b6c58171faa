import Holidays from 'date-holidays';

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

const calendars = new Map<string, Holidays>();
const datesByStateYear = new Map<string, Set<string>>();

function getCalendar(state: string): Holidays {
  let calendar = calendars.get(state);
  if (!calendar) {
    calendar = state === NATIONAL ? new Holidays('FR') : new Holidays('FR', state);
    calendars.set(state, calendar);
  }
  return calendar;
}

function getHolidayDates(state: string, year: number): Set<string> {
  const key = `${state}:${year}`;
  let dates = datesByStateYear.get(key);
  if (!dates) {
    dates = new Set(
      getCalendar(state)
        .getHolidays(year)
        .filter((holiday) => holiday.type === 'public')
        .map((holiday) => holiday.date.slice(0, 10)),
    );
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
  return getHolidayDates(getHolidayState(academyId), year).has(localDate);
}
