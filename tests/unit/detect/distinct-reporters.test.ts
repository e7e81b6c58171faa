import { describe, test, expect } from 'vitest';
import { countDistinctReporters, keepFirstReportPerSource } from '@/lib/detect/distinct-reporters';

const MIN = 60_000;

function report(
  minute: number,
  source: string,
  platformId = 'pronote',
  academyId: string | null = 'paris',
) {
  return { t: minute * MIN, platformId, academyId, source };
}

describe('keepFirstReportPerSource', () => {
  test.each([
    [
      'one device spamming for 10 minutes counts once',
      [0, 1, 2, 5, 9].map((m) => report(m, 'a')),
      1,
    ],
    ['the same device counts again after an hour', [0, 30, 60, 61].map((m) => report(m, 'a')), 2],
    ['distinct devices each count', [0, 0, 1].map((m, i) => report(m, `s${i}`)), 3],
    ['one device on two platforms counts on each', [report(0, 'a'), report(1, 'a', 'ent')], 2],
  ])('%s', (_, reports, expected) => {
    expect(keepFirstReportPerSource(reports)).toHaveLength(expected);
  });
});

describe('countDistinctReporters', () => {
  test('counts per bucket per académie and for the platform total', () => {
    const reports = [
      report(0, 'a'),
      report(0, 'a'),
      report(3, 'b', 'pronote', 'lyon'),
      report(4, 'c'),
    ];
    const series = countDistinctReporters({ reports, bucketMs: 5 * MIN });
    expect(series.get('pronote|paris')).toEqual([{ t: 0, count: 2 }]);
    expect(series.get('pronote|lyon')).toEqual([{ t: 0, count: 1 }]);
    expect(series.get('pronote|national')).toEqual([{ t: 0, count: 3 }]);
  });

  test('a spam burst of 150 reports from one device is one reporter', () => {
    const reports = Array.from({ length: 150 }, (_, i) => report(i / 10, 'spammer'));
    const series = countDistinctReporters({ reports, bucketMs: MIN, withNational: false });
    const total = (series.get('pronote|paris') ?? []).reduce((sum, p) => sum + p.count, 0);
    expect(total).toBe(1);
  });
});
