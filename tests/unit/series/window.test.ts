import { describe, expect, test } from 'vitest';
import {
  alignWindow,
  chooseBucketMinutes,
  dayWindow,
  incidentWindow,
  MAX_POINTS,
  presetWindow,
} from '@/lib/series/window';
import { parisDate } from '@/lib/calendar/paris-time';
import { zonedMidnight } from '@/lib/calendar/time-zones';

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

describe('chooseBucketMinutes', () => {
  test.each([
    [3 * HOUR, 1],
    [6 * HOUR, 1],
    [8 * HOUR, 2],
    [DAY, 5],
    [7 * DAY, 30],
    [31 * DAY, 120],
  ])('a range of %d ms gets %d-minute buckets', (range, minutes) => {
    expect(chooseBucketMinutes(range)).toBe(minutes);
  });

  test('never exceeds MAX_POINTS buckets up to 31 days', () => {
    for (let range = HOUR; range <= 31 * DAY; range += 7 * HOUR) {
      expect(range / (chooseBucketMinutes(range) * MIN)).toBeLessThanOrEqual(MAX_POINTS);
    }
  });
});

describe('alignWindow', () => {
  test('widens outward to whole buckets', () => {
    const from = Date.parse('2021-04-06T07:03:20Z');
    const to = Date.parse('2021-04-06T09:58:00Z');
    expect(alignWindow(from, to)).toEqual({ from: Date.parse('2021-04-06T07:03:00Z'), to: to, bucketMinutes: 1 });
    const day = alignWindow(Date.parse('2021-04-06T07:03:20Z'), Date.parse('2021-04-07T07:01:00Z'));
    expect(day.bucketMinutes).toBe(5);
    expect(day.from).toBe(Date.parse('2021-04-06T07:00:00Z'));
    expect(day.to).toBe(Date.parse('2021-04-07T07:05:00Z'));
  });
});

describe('presetWindow', () => {
  test('ends on the minute after now so the current minute shows', () => {
    const now = Date.parse('2021-04-06T09:02:30Z');
    expect(presetWindow('3h', now)).toEqual({ from: Date.parse('2021-04-06T06:03:00Z'), to: Date.parse('2021-04-06T09:03:00Z'), bucketMinutes: 1 });
    const week = presetWindow('7j', now);
    expect(week.bucketMinutes).toBe(30);
    expect(week.to).toBeGreaterThanOrEqual(now);
    expect((week.to - week.from) / (30 * MIN)).toBeLessThanOrEqual(MAX_POINTS);
  });
});

describe('zonedMidnight and dayWindow', () => {
  test('Paris midnight in summer and winter time', () => {
    expect(new Date(zonedMidnight('2021-04-06', 'Europe/Paris')).toISOString()).toBe('2021-04-05T22:00:00.000Z');
    expect(new Date(zonedMidnight('2021-01-15', 'Europe/Paris')).toISOString()).toBe('2021-01-14T23:00:00.000Z');
    expect(new Date(zonedMidnight('2021-04-06', 'America/Cayenne')).toISOString()).toBe('2021-04-06T03:00:00.000Z');
  });

  test('a clock-change day lasts 23 or 25 hours', () => {
    const spring = dayWindow('2021-03-28', 'Europe/Paris');
    expect(spring.to - spring.from).toBe(23 * HOUR);
    const autumn = dayWindow('2021-10-31', 'Europe/Paris');
    expect(autumn.to - autumn.from).toBe(25 * HOUR);
    expect(dayWindow('2021-04-06', 'Europe/Paris').bucketMinutes).toBe(5);
  });

  test('parisDate is the Paris calendar date', () => {
    expect(parisDate(Date.parse('2021-04-05T22:30:00Z'))).toBe('2021-04-06');
  });
});

describe('incidentWindow', () => {
  test('an hour either side of a closed incident', () => {
    const start = Date.parse('2021-04-06T07:02:00Z');
    const end = Date.parse('2021-04-06T17:30:00Z');
    const w = incidentWindow(start, end, Date.parse('2021-05-01T00:00:00Z'));
    expect(w.from).toBeLessThanOrEqual(start - HOUR);
    expect(w.to).toBeGreaterThanOrEqual(end + HOUR);
    expect(w.to - w.from).toBeLessThan(13 * HOUR);
  });

  test('an open incident runs to now (plus at least an hour after its start)', () => {
    const start = Date.parse('2021-04-06T07:02:00Z');
    const now = start + 10 * MIN;
    const w = incidentWindow(start, null, now);
    expect(w.from).toBeLessThanOrEqual(start - HOUR);
    expect(w.to).toBeGreaterThanOrEqual(start + HOUR);
    expect(w.to).toBeLessThanOrEqual(start + HOUR + 5 * MIN);
  });

  test('a very long incident is cut to the 31 days before its end', () => {
    const start = Date.parse('2021-01-01T00:00:00Z');
    const w = incidentWindow(start, start + 60 * DAY, start + 90 * DAY);
    expect(w.to - w.from).toBeLessThanOrEqual(31 * DAY + 2 * HOUR);
  });
});
