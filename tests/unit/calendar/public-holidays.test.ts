import { describe, test, expect } from 'vitest';
import { getHolidayState, isPublicHoliday, publicHolidays } from '@/lib/calendar/public-holidays';
import { HOLIDAY_STATES, publicHolidaysFromPackage } from '@/lib/calendar/public-holidays-source';
import table from '@/lib/calendar/data/public-holidays.json';

describe('isPublicHoliday', () => {
  test.each([
    ['2021-04-05', 'paris', true],
    ['2021-04-06', 'paris', false],
    ['2021-05-13', 'lyon', true],
    ['2021-05-24', 'lyon', true],
    ['2021-04-02', 'paris', false],
    ['2021-04-02', 'strasbourg', true],
    ['2021-04-02', 'nancy-metz', false],
    ['2021-12-26', 'strasbourg', true],
    ['2021-12-26', 'paris', false],
    ['2021-05-22', 'martinique', true],
    ['2021-05-27', 'guadeloupe', true],
    ['2021-06-10', 'guyane', true],
    ['2021-12-20', 'la-reunion', true],
    ['2021-04-27', 'mayotte', true],
    ['2021-04-27', 'paris', false],
    ['2021-07-21', 'martinique', false],
    ['2021-05-23', 'paris', false],
  ])('%s in %s → %s', (date, academyId, expected) => {
    expect(isPublicHoliday(date, academyId)).toBe(expected);
  });
});

describe('getHolidayState', () => {
  test.each([
    ['strasbourg', '67'],
    ['nancy-metz', 'FR'],
    ['corse', 'FR'],
    ['la-reunion', 'RE'],
  ])('%s uses %s', (academyId, state) => {
    expect(getHolidayState(academyId)).toBe(state);
  });
});

describe('the public holidays table (lib/calendar/data/public-holidays.json)', () => {
  test('matches date-holidays for every calendar and year it covers (regenerate: node --import tsx scripts/public-holidays-table.ts)', () => {
    const { firstYear, lastYear } = table._meta;
    for (const state of HOLIDAY_STATES) {
      for (let year = firstYear; year <= lastYear; year += 1) {
        expect([...publicHolidays(state, year)], `${state} ${year}`).toEqual(publicHolidaysFromPackage(state, year));
      }
    }
  });

  test('every académie calendar is in the table; a year outside it has no public holiday', () => {
    for (const id of ['paris', 'strasbourg', 'guadeloupe', 'martinique', 'guyane', 'la-reunion', 'mayotte']) {
      expect(HOLIDAY_STATES).toContain(getHolidayState(id));
    }
    expect(publicHolidays('FR', table._meta.lastYear + 1).size).toBe(0);
    expect(isPublicHoliday(`${table._meta.lastYear + 1}-01-01`, 'paris')).toBe(false);
  });
});
