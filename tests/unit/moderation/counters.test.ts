import { describe, expect, test } from 'vitest';
import { counterDeltas, type CountedRow } from '@/lib/moderation/counters';

const minute = (m: number) => new Date(Date.UTC(2026, 10, 28, 8, m));
const row = (over: Partial<CountedRow>): CountedRow => ({
  platformId: 'pronote',
  academyId: 'lille',
  bucketStart: minute(1),
  category: 'login',
  counted: true,
  distinctReporter: true,
  ...over,
});

describe('counterDeltas', () => {
  test('groups by platform, académie, minute and category, reporters only for distinct reporters', () => {
    const deltas = counterDeltas(
      [row({}), row({ distinctReporter: false }), row({ bucketStart: minute(2) }), row({ academyId: 'amiens' }), row({ category: 'slow' })],
      -1,
    );
    expect(deltas).toEqual([
      { platformId: 'pronote', academyId: 'amiens', bucketStart: minute(1), category: 'login', reports: -1, reporters: -1 },
      { platformId: 'pronote', academyId: 'lille', bucketStart: minute(1), category: 'login', reports: -2, reporters: -1 },
      { platformId: 'pronote', academyId: 'lille', bucketStart: minute(1), category: 'slow', reports: -1, reporters: -1 },
      { platformId: 'pronote', academyId: 'lille', bucketStart: minute(2), category: 'login', reports: -1, reporters: -1 },
    ]);
  });

  test('ignores rows that did not count and restores with +1', () => {
    expect(counterDeltas([row({ counted: false })], -1)).toEqual([]);
    expect(counterDeltas([row({})], 1)).toEqual([{ platformId: 'pronote', academyId: 'lille', bucketStart: minute(1), category: 'login', reports: 1, reporters: 1 }]);
  });
});
