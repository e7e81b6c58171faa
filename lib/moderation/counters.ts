/** One report's place in the minute counters, as read before a moderation change. */
export type CountedRow = {
  platformId: string;
  academyId: string;
  bucketStart: Date;
  counted: boolean;
  distinctReporter: boolean;
};

export type CounterDelta = { platformId: string; academyId: string; bucketStart: Date; reports: number; reporters: number };

/**
 * Signed changes to report_count when `rows` stop (-1) or start (+1) counting; rows that do not count
 * are ignored. Sorted by key, the order in which ingest locks counter rows (no deadlock between them).
 */
export function counterDeltas(rows: readonly CountedRow[], sign: 1 | -1): CounterDelta[] {
  const byKey = new Map<string, CounterDelta>();
  for (const row of rows) {
    if (!row.counted) continue;
    const key = `${row.platformId}\u0000${row.academyId}\u0000${row.bucketStart.toISOString()}`;
    const delta = byKey.get(key) ?? { platformId: row.platformId, academyId: row.academyId, bucketStart: row.bucketStart, reports: 0, reporters: 0 };
    delta.reports += sign;
    if (row.distinctReporter) delta.reporters += sign;
    byKey.set(key, delta);
  }
  return [...byKey.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, delta]) => delta);
}
