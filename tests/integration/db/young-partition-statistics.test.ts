import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createReportPartition, readPartitionActivity, refreshYoungPartitionStatistics } from '@/lib/db/report-partitions';
import type { PrismaClient } from '@/lib/generated/prisma/client';
import { preparedDatabase } from '../../helpers/fresh-database';

// A month of its own (its partition made here), as the current month of `now`.
const now = new Date('2031-05-06T09:00:00Z');
let db: PrismaClient;
let database: Awaited<ReturnType<typeof preparedDatabase>> | undefined;

beforeAll(async () => {
  database = await preparedDatabase();
  db = database.db;
  await createReportPartition(db, '2031-05');
  // Only this code analyses it here: an autovacuum pass in the middle would change the counts checked.
  await db.$executeRawUnsafe('ALTER TABLE report_2031_05 SET (autovacuum_enabled = false)');
}, 120_000);
afterAll(async () => {
  await database?.close();
});

let added = 0;
/** `n` reports in the month, on one connection whose activity counters are flushed at its commit. */
async function addReports(n: number): Promise<void> {
  const from = added;
  added += n;
  await db.$transaction(async (tx) => {
    await tx.$executeRaw`
      INSERT INTO report (id, platform_id, academy_id, category, idempotency_key, source_fingerprint, created_at, updated_at)
      SELECT gen_random_uuid(), 'pronote', 'paris', 'login', 'young-' || g, 'fp-' || g, ${now}::timestamptz - g * interval '1 second', now()
      FROM generate_series(${from + 1}::int, ${from + n}::int) AS g`;
    await tx.$queryRaw`SELECT pg_stat_force_next_flush()::text`;
  });
}

describe('statistics of a young partition (the month intake writes to)', () => {
  test('none until 100 rows changed, then ANALYZE; again only once the partition has doubled', async () => {
    expect(await readPartitionActivity(db, '2031-05')).toEqual({ analyzedRows: null, changedSinceAnalyze: 0 });
    await addReports(60);
    expect(await refreshYoungPartitionStatistics(db, now)).toBeNull();

    await addReports(90);
    expect(await refreshYoungPartitionStatistics(db, now)).toBe('2031-05');
    expect(await readPartitionActivity(db, '2031-05')).toEqual({ analyzedRows: 150, changedSinceAnalyze: 0 });

    await addReports(140);
    expect(await refreshYoungPartitionStatistics(db, now)).toBeNull();
    await addReports(10);
    expect(await refreshYoungPartitionStatistics(db, now)).toBe('2031-05');
    expect((await readPartitionActivity(db, '2031-05'))?.analyzedRows).toBe(300);
  });

  test('a month without its partition is left alone', async () => {
    expect(await readPartitionActivity(db, '2031-09')).toBeNull();
    expect(await refreshYoungPartitionStatistics(db, new Date('2031-09-01T00:00:00Z'))).toBeNull();
  });
});
