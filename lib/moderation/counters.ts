import type { CountedRow, CounterDelta } from '@/lib/domain/moderation';

export type { CountedRow, CounterDelta };

/**
 * Signed changes to the minute counters (report_count, and report_category_count by category) when
 * `rows` stop (-1) or start (+1) counting; rows that do not count are ignored. Sorted by key.
 */
export function counterDeltas(rows: readonly CountedRow[], sign: 1 | -1): CounterDelta[] {
  const byKey = new Map<string, CounterDelta>();
  for (const row of rows) {
    if (!row.counted) continue;
    const key = `${row.platformId}\u0000${row.academyId}\u0000${row.bucketStart.toISOString()}\u0000${row.category}`;
    const delta = byKey.get(key) ?? { platformId: row.platformId, academyId: row.academyId, bucketStart: row.bucketStart, category: row.category, reports: 0, reporters: 0 };
    delta.reports += sign;
    if (row.distinctReporter) delta.reporters += sign;
    byKey.set(key, delta);
  }
  return [...byKey.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, delta]) => delta);
}
