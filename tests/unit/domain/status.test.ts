import { describe, expect, test } from 'vitest';
import { formatCount, formatDateTime, formatTime } from '@/lib/domain/format';
import { statusFromIncidents } from '@/lib/domain/status';

describe('statusFromIncidents', () => {
  test.each([
    [[], 'operational'],
    [[{ level: 'possible' as const }], 'degraded'],
    [[{ level: 'possible' as const }, { level: 'detected' as const }], 'outage'],
  ])('%j → %s', (incidents, expected) => {
    expect(statusFromIncidents(incidents)).toBe(expected);
  });
});

describe('French formatting', () => {
  test('times and dates in Europe/Paris, numbers in fr-FR', () => {
    expect(formatTime(new Date('2021-04-06T07:02:00Z'))).toBe('09:02');
    expect(formatDateTime(new Date('2021-04-06T07:02:00Z'))).toBe('6 avril 2021 à 09:02');
    expect(formatCount(12345)).toBe('12\u202f345');
  });
});
