import { describe, expect, test } from 'vitest';
import { addMonths, monthOf, monthRange, partitionMonth, partitionName, planPartitions, YOUNG_PARTITION_MAX_ROWS, YOUNG_PARTITION_MIN_CHANGES, youngPartitionNeedsAnalyze } from '@/lib/domain/report-partitions';

describe('report partition months', () => {
  test('a month is the UTC month of the instant, named report_YYYY_MM', () => {
    expect(monthOf(new Date('2026-12-31T23:30:00Z'))).toBe('2026-12');
    expect(monthOf(new Date('2026-12-31T23:30:00-01:00'))).toBe('2027-01');
    expect(partitionName('2026-03')).toBe('report_2026_03');
    expect(partitionMonth('report_2026_03')).toBe('2026-03');
    expect(partitionMonth('report_default')).toBeNull();
    expect(partitionMonth('report_key')).toBeNull();
    expect(partitionMonth('report_2026_13')).toBeNull();
  });

  test('months add across years, both ways', () => {
    expect(addMonths('2026-11', 2)).toBe('2027-01');
    expect(addMonths('2026-01', -13)).toBe('2024-12');
    expect(addMonths('2026-05', 0)).toBe('2026-05');
  });

  test('a range runs from the first UTC midnight of the month to the next month', () => {
    expect(monthRange('2026-12')).toEqual({ start: new Date('2026-12-01T00:00:00Z'), end: new Date('2027-01-01T00:00:00Z') });
    expect(monthRange('2024-02').end).toEqual(new Date('2024-03-01T00:00:00Z'));
  });

  test('an invalid month is refused', () => {
    expect(() => addMonths('2026-13', 1)).toThrow();
    expect(() => monthRange('26-01')).toThrow();
  });
});

describe('planPartitions', () => {
  const now = new Date('2026-12-07T08:00:00Z');

  test('creates the current month and the months ahead that are missing', () => {
    expect(planPartitions({ now, existing: ['2026-12'], inDefault: [], aheadMonths: 2, retentionMonths: null })).toEqual({
      create: ['2027-01', '2027-02'],
      archive: [],
    });
    expect(planPartitions({ now, existing: ['2026-12', '2027-01', '2027-02'], inDefault: [], aheadMonths: 2, retentionMonths: null }).create).toEqual([]);
  });

  test('gives a partition to each month found in the default partition', () => {
    const plan = planPartitions({ now, existing: ['2026-12', '2027-01', '2027-02'], inDefault: ['2030-01', '2021-04'], aheadMonths: 2, retentionMonths: null });
    expect(plan.create).toEqual(['2021-04', '2030-01']);
  });

  test('without a retention nothing is archived, however old', () => {
    expect(planPartitions({ now, existing: ['2001-01', '2026-12'], inDefault: [], aheadMonths: 0, retentionMonths: null }).archive).toEqual([]);
  });

  test('archives the months older than the current one minus the retention, oldest first', () => {
    const existing = ['2025-10', '2025-11', '2025-12', '2026-11', '2026-12', '2027-01', '2027-02'];
    expect(planPartitions({ now, existing, inDefault: [], aheadMonths: 2, retentionMonths: 13 }).archive).toEqual(['2025-10']);
    expect(planPartitions({ now, existing, inDefault: [], aheadMonths: 2, retentionMonths: 1 }).archive).toEqual(['2025-10', '2025-11', '2025-12']);
  });

  test('never archives the current month or a future one', () => {
    const plan = planPartitions({ now, existing: ['2026-11', '2026-12', '2027-01'], inDefault: [], aheadMonths: 1, retentionMonths: 0 });
    expect(plan.archive).toEqual(['2026-11']);
  });

  test('an old month found in the default partition is created, then archived', () => {
    const plan = planPartitions({ now, existing: ['2026-12', '2027-01'], inDefault: ['2021-04'], aheadMonths: 1, retentionMonths: 13 });
    expect(plan).toEqual({ create: ['2021-04'], archive: ['2021-04'] });
  });
});

describe('youngPartitionNeedsAnalyze', () => {
  test('leaves a partition alone until it has 100 changed rows', () => {
    expect(youngPartitionNeedsAnalyze({ analyzedRows: null, changedSinceAnalyze: 0 })).toBe(false);
    expect(youngPartitionNeedsAnalyze({ analyzedRows: null, changedSinceAnalyze: 99 })).toBe(false);
    expect(youngPartitionNeedsAnalyze({ analyzedRows: 0, changedSinceAnalyze: 99 })).toBe(false);
  });

  test('analyses a partition that never was, from 100 rows', () => {
    expect(youngPartitionNeedsAnalyze({ analyzedRows: null, changedSinceAnalyze: YOUNG_PARTITION_MIN_CHANGES })).toBe(true);
    expect(youngPartitionNeedsAnalyze({ analyzedRows: 0, changedSinceAnalyze: 150 })).toBe(true);
  });

  test('analyses again each time the partition has doubled since its statistics', () => {
    expect(youngPartitionNeedsAnalyze({ analyzedRows: 3_000, changedSinceAnalyze: 2_999 })).toBe(false);
    expect(youngPartitionNeedsAnalyze({ analyzedRows: 3_000, changedSinceAnalyze: 3_000 })).toBe(true);
    expect(youngPartitionNeedsAnalyze({ analyzedRows: 400_000, changedSinceAnalyze: 500_000 })).toBe(true);
  });

  test('leaves large partitions to autovacuum, whose 10 % is tighter', () => {
    expect(youngPartitionNeedsAnalyze({ analyzedRows: YOUNG_PARTITION_MAX_ROWS, changedSinceAnalyze: 2 * YOUNG_PARTITION_MAX_ROWS })).toBe(false);
  });
});
