import { describe, test, expect } from 'vitest';
import { getHolidayState, isPublicHoliday } from '@/lib/calendar/public-holidays';

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
