import { describe, expect, test } from 'vitest';
import { wallClockToInstant, zonedMidnight } from '@/lib/calendar/time-zones';
import { parisMidnight, parseParisLocal } from '@/lib/calendar/paris-time';
import { parseInstant } from '@/lib/series/schema';

describe('wallClockToInstant', () => {
  test('maps a skipped spring time to the hour after and a repeated autumn time to its second pass', () => {
    expect(new Date(wallClockToInstant(Date.UTC(2021, 2, 28, 2, 30), 'Europe/Paris')).toISOString()).toBe('2021-03-28T01:30:00.000Z');
    expect(new Date(wallClockToInstant(Date.UTC(2021, 9, 31, 2, 30), 'Europe/Paris')).toISOString()).toBe('2021-10-31T01:30:00.000Z');
  });
});

describe('Paris wall-clock readers agree', () => {
  test.each(['2021-04-06T09:02', '2021-03-28T09:02', '2021-10-31T09:02', '2021-01-04T00:00'])('%s', (text) => {
    const instant = parseParisLocal(text)?.getTime();
    expect(parseInstant(text)).toBe(instant);
    if (text.endsWith('T00:00')) {
      expect(zonedMidnight(text.slice(0, 10), 'Europe/Paris')).toBe(instant);
      expect(parisMidnight(text.slice(0, 10))).toBe(instant);
    }
  });

  test('the morning of a clock change is read at its own offset, not midnight’s', () => {
    expect(new Date(parseInstant('2021-03-28T09:02') ?? 0).toISOString()).toBe('2021-03-28T07:02:00.000Z');
  });
});
