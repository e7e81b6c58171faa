import { describe, expect, test } from 'vitest';
import { rowTimeLabel, timeAxisLabels } from '@/lib/series/axis';

const H = 3_600_000;

describe('timeAxisLabels', () => {
  test('hours in Paris time, with the date where the day changes', () => {
    const ticks = [Date.parse('2021-04-06T20:00:00Z'), Date.parse('2021-04-06T21:00:00Z'), Date.parse('2021-04-06T22:00:00Z')];
    expect(timeAxisLabels(ticks, 3 * H, 'fr-FR')).toEqual(['22:00\n6 avr.', '23:00', '00:00\n7 avr.']);
  });

  test('dates at midnight beyond 36 hours', () => {
    const ticks = [Date.parse('2021-04-05T22:00:00Z'), Date.parse('2021-04-06T10:00:00Z'), Date.parse('2021-04-06T22:00:00Z')];
    expect(timeAxisLabels(ticks, 7 * 24 * H, 'fr-FR')).toEqual(['6 avr.', '12:00', '7 avr.']);
  });
});

describe('rowTimeLabel', () => {
  test('time only within a day, with the date beyond 36 hours', () => {
    const t = Date.parse('2021-04-06T07:02:00Z');
    expect(rowTimeLabel(t, 3 * H, 'fr-FR')).toBe('09:02');
    expect(rowTimeLabel(t, 72 * H, 'en-GB')).toBe('6 Apr 09:02');
  });
});
