import { readFileSync } from 'node:fs';
import { describe, test, expect } from 'vitest';
import { detectCsvSeries } from '@/scripts/lib/series-cli';

function fixture(name: string): string {
  return readFileSync(new URL(`../../fixtures/detect/${name}`, import.meta.url), 'utf8');
}

describe('detectCsvSeries', () => {
  test('finds the outage of the fixture, dated at its first anomalous 15-minute bucket', () => {
    const alarms = detectCsvSeries(fixture('series-outage.csv'));
    expect(alarms).toHaveLength(1);
    expect(alarms[0]).toMatchObject({ timestamp: '2025-03-10T08:00:00.000Z', level: 'detected' });
    expect(alarms[0]?.score).toBeGreaterThan(9);
  });

  test("flags the outage as 'possible' only when the académie has no school day in its history", () => {
    const alarms = detectCsvSeries(fixture('series-outage.csv'), { academyId: 'lyon' });
    expect(alarms).toEqual([
      expect.objectContaining({ timestamp: '2025-03-10T08:00:00.000Z', level: 'possible' }),
    ]);
  });

  test('raises nothing on the first three reports of the day without history', () => {
    expect(detectCsvSeries(fixture('first-reports.csv'))).toEqual([]);
  });

  test('is causal: the alarm is the same when the series stops during the outage', () => {
    const text = fixture('series-outage.csv').split('\n').slice(0, 713).join('\n');
    expect(detectCsvSeries(text).map((a) => a.timestamp)).toEqual(['2025-03-10T08:00:00.000Z']);
  });

  test('rejects a bad row with its line number', () => {
    expect(() => detectCsvSeries(fixture('bad-row.csv'))).toThrow(/ligne 3/);
  });
});
