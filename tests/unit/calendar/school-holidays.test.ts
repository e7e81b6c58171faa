import { describe, test, expect } from 'vitest';
import {
  getHolidayZone,
  getSchoolClosure,
  isClosedForAllLevels,
  isSchoolHoliday,
} from '@/lib/calendar/school-holidays';

describe('isSchoolHoliday', () => {
  test.each([
    ['paris', '2025-02-17', true],
    ['lille', '2025-02-17', true],
    ['lyon', '2025-02-17', false],
    ['paris', '2025-03-03', false],
    ['lyon', '2025-03-03', true],
    ['paris', '2024-12-20', false],
    ['paris', '2024-12-21', true],
    ['paris', '2025-01-05', true],
    ['paris', '2025-01-06', false],
    ['lyon', '2021-07-06', false],
    ['lyon', '2021-07-07', true],
    ['paris', '2021-04-06', false],
    ['paris', '2021-04-10', true],
    ['paris', '2021-04-25', true],
    ['paris', '2021-04-26', false],
    ['paris', '2024-05-10', true],
    ['paris', '2024-05-13', false],
    ['paris', '2026-08-31', true],
    ['paris', '2026-09-01', false],
    ['corse', '2018-07-20', true],
    ['corse', '2018-09-05', false],
    ['mayotte', '2024-12-14', true],
    ['mayotte', '2025-01-13', false],
    ['la-reunion', '2025-01-10', true],
    ['martinique', '2025-03-03', true],
    ['guadeloupe', '2024-03-07', true],
    ['guadeloupe', '2024-10-09', false],
  ])('%s on %s → %s', (academyId, date, expected) => {
    expect(isSchoolHoliday(academyId, date)).toBe(expected);
  });

  test('is true for Christmas 2024 in all 30 académies', () => {
    const academies = ['paris', 'lyon', 'lille', 'corse', 'guadeloupe', 'martinique', 'guyane'];
    for (const academyId of [...academies, 'la-reunion', 'mayotte']) {
      expect(isSchoolHoliday(academyId, '2024-12-25')).toBe(true);
    }
  });

  test('assumes a summer length when the rentrée is not published', () => {
    expect(isSchoolHoliday('paris', '2027-07-20')).toBe(true);
    expect(isSchoolHoliday('paris', '2027-10-01')).toBe(false);
  });
});

describe('getHolidayZone', () => {
  test.each([
    ['lyon', 'A'],
    ['strasbourg', 'B'],
    ['versailles', 'C'],
    ['corse', 'corse'],
    ['guyane', 'guyane'],
  ])('%s is in zone %s', (academyId, zone) => {
    expect(getHolidayZone(academyId)).toBe(zone);
  });
});

describe('getSchoolClosure', () => {
  test('finds the April 2021 distance-learning closure for all levels', () => {
    expect(getSchoolClosure('paris', '2021-04-06')?.kind).toBe('distance_learning');
    expect(isClosedForAllLevels('paris', '2021-04-06')).toBe(true);
    expect(isClosedForAllLevels('paris', '2021-04-10')).toBe(false);
  });

  test('reports the collège/lycée-only week as not closed for all levels', () => {
    expect(getSchoolClosure('lyon', '2021-04-27')?.levels).toEqual(['college', 'lycee']);
    expect(isClosedForAllLevels('lyon', '2021-04-27')).toBe(false);
  });

  test('has no closure overseas', () => {
    expect(getSchoolClosure('martinique', '2021-04-06')).toBeNull();
  });
});
