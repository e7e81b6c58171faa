import { describe, test, expect } from 'vitest';
import {
  getDayType,
  getNationalDayType,
  localDateOf,
  localMinuteOfDay,
} from '@/lib/calendar/day-type';

describe('getDayType', () => {
  test.each([
    ['2025-02-17T09:00:00Z', 'paris', 'school_holiday'],
    ['2025-02-17T09:00:00Z', 'lyon', 'school'],
    ['2025-02-19T09:00:00Z', 'lyon', 'wednesday'],
    ['2025-02-22T09:00:00Z', 'paris', 'school_holiday'],
    ['2025-03-15T09:00:00Z', 'paris', 'saturday'],
    ['2025-03-16T09:00:00Z', 'paris', 'sunday'],
    ['2021-04-05T09:00:00Z', 'paris', 'public_holiday'],
    ['2021-04-06T09:00:00Z', 'paris', 'school'],
    ['2021-04-07T09:00:00Z', 'paris', 'wednesday'],
    ['2021-04-02T09:00:00Z', 'strasbourg', 'public_holiday'],
    ['2021-04-02T09:00:00Z', 'nancy-metz', 'school'],
    // 22:30 UTC Monday is already Tuesday 00:30 in Paris (summer time)
    ['2021-04-05T22:30:00Z', 'paris', 'school'],
    // 02:00 UTC Tuesday is still Easter Monday evening in Martinique
    ['2021-04-06T02:00:00Z', 'martinique', 'public_holiday'],
    ['2021-05-22T14:00:00Z', 'martinique', 'public_holiday'],
  ])('%s in %s is %s', (iso, academyId, expected) => {
    expect(getDayType(new Date(iso), academyId)).toBe(expected);
  });
});

describe('getNationalDayType', () => {
  test('uses the Paris calendar', () => {
    expect(getNationalDayType(new Date('2025-02-17T09:00:00Z'))).toBe('school_holiday');
    expect(getNationalDayType(new Date('2021-04-06T09:00:00Z'))).toBe('school');
  });
});

describe('localMinuteOfDay', () => {
  test.each([
    ['2021-03-27T07:30:00Z', 'paris', 510],
    ['2021-03-29T07:30:00Z', 'paris', 570],
    ['2021-04-06T12:00:00Z', 'guyane', 540],
    ['2021-04-06T12:00:00Z', 'la-reunion', 960],
  ])('%s in %s is minute %i', (iso, academyId, minute) => {
    expect(localMinuteOfDay(new Date(iso), academyId)).toBe(minute);
  });
});

describe('localDateOf', () => {
  test('returns the local calendar date', () => {
    expect(localDateOf(new Date('2021-04-05T22:30:00Z'), 'paris')).toBe('2021-04-06');
    expect(localDateOf(new Date('2021-04-05T22:30:00Z'), 'guadeloupe')).toBe('2021-04-05');
  });
});
