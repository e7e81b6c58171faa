import { describe, test, expect } from 'vitest';
import { ACADEMY_TIME_ZONES, getTimeZone, toLocalParts } from '@/lib/calendar/time-zones';

describe('getTimeZone', () => {
  test.each([
    ['paris', 'Europe/Paris'],
    ['strasbourg', 'Europe/Paris'],
    ['corse', 'Europe/Paris'],
    ['guyane', 'America/Cayenne'],
    ['la-reunion', 'Indian/Reunion'],
    ['mayotte', 'Indian/Mayotte'],
  ])('maps %s to %s', (academyId, zone) => {
    expect(getTimeZone(academyId)).toBe(zone);
  });

  test('covers the 30 académies', () => {
    expect(Object.keys(ACADEMY_TIME_ZONES)).toHaveLength(30);
  });

  test('throws on an unknown académie', () => {
    expect(() => getTimeZone('atlantis')).toThrow();
  });
});

describe('toLocalParts', () => {
  test.each([
    // winter: UTC+1
    [
      '2025-02-17T06:30:00Z',
      'Europe/Paris',
      { year: 2025, month: 2, day: 17, weekday: 1, minuteOfDay: 450 },
    ],
    // summer: UTC+2
    [
      '2021-04-06T06:30:00Z',
      'Europe/Paris',
      { year: 2021, month: 4, day: 6, weekday: 2, minuteOfDay: 510 },
    ],
    // DST starts 2021-03-28 at 01:00 UTC (02:00 → 03:00 local)
    [
      '2021-03-28T00:59:00Z',
      'Europe/Paris',
      { year: 2021, month: 3, day: 28, weekday: 0, minuteOfDay: 119 },
    ],
    [
      '2021-03-28T01:00:00Z',
      'Europe/Paris',
      { year: 2021, month: 3, day: 28, weekday: 0, minuteOfDay: 180 },
    ],
    // DST ends 2021-10-31 at 01:00 UTC (03:00 → 02:00 local)
    [
      '2021-10-31T00:59:00Z',
      'Europe/Paris',
      { year: 2021, month: 10, day: 31, weekday: 0, minuteOfDay: 179 },
    ],
    [
      '2021-10-31T01:00:00Z',
      'Europe/Paris',
      { year: 2021, month: 10, day: 31, weekday: 0, minuteOfDay: 120 },
    ],
    // overseas: the previous local day in the Antilles, the same day later in Réunion
    [
      '2021-04-06T02:00:00Z',
      'America/Martinique',
      { year: 2021, month: 4, day: 5, weekday: 1, minuteOfDay: 1320 },
    ],
    [
      '2021-04-06T02:00:00Z',
      'America/Cayenne',
      { year: 2021, month: 4, day: 5, weekday: 1, minuteOfDay: 1380 },
    ],
    [
      '2021-04-06T21:30:00Z',
      'Indian/Reunion',
      { year: 2021, month: 4, day: 7, weekday: 3, minuteOfDay: 90 },
    ],
    [
      '2021-04-06T21:30:00Z',
      'Indian/Mayotte',
      { year: 2021, month: 4, day: 7, weekday: 3, minuteOfDay: 30 },
    ],
  ])('%s in %s', (iso, zone, expected) => {
    expect(toLocalParts(new Date(iso), zone)).toEqual(expected);
  });

  test('accepts epoch milliseconds', () => {
    const t = Date.parse('2025-02-17T06:30:00Z');
    expect(toLocalParts(t, 'Europe/Paris')).toEqual(toLocalParts(new Date(t), 'Europe/Paris'));
  });
});
