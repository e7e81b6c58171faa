import { afterAll, describe, expect, inject, test } from 'vitest';
import { createPrismaClient } from '@/lib/db/create-client';
import { readLateMinutes, readReporterCounts } from '@/lib/db/detection';
import { insertReportBatch } from '@/lib/db/reports';
import { reportRow } from '../../helpers/factories';

const db = createPrismaClient({ url: inject('databaseUrl'), kind: inject('databaseKind') });
const MIN = 60_000;
const FROM = new Date('2032-05-11T08:00:00Z');
const TO = new Date('2032-05-11T10:00:00Z');
const PLATFORM = 'pronote';
const ACADEMY = 'limoges';

afterAll(async () => {
  const range = { gte: FROM, lt: new Date(TO.getTime() + 60 * MIN) };
  await db.report.deleteMany({ where: { platformId: PLATFORM, academyId: ACADEMY, createdAt: range } });
  await db.reportCount.deleteMany({ where: { platformId: PLATFORM, academyId: ACADEMY, bucketStart: range } });
  await db.reportCategoryCount.deleteMany({ where: { platformId: PLATFORM, academyId: ACADEMY, bucketStart: range } });
  await db.$disconnect();
});

describe('readLateMinutes', () => {
  test('an outbox batch is counted at its observed minutes and marks them known at its arrival; on-time reports do not', async () => {
    const at = (minutes: number) => new Date(FROM.getTime() + minutes * MIN);
    const arrival = at(50);
    await insertReportBatch(db, [
      reportRow({ platformId: PLATFORM, academyId: ACADEMY, createdAt: at(5.5) }),
      reportRow({ platformId: PLATFORM, academyId: ACADEMY, createdAt: at(7.2), observedAt: at(7) }),
      ...[10, 11, 11, 12].map((m) => reportRow({ platformId: PLATFORM, academyId: ACADEMY, createdAt: arrival, observedAt: at(m + 0.3) })),
    ]);
    const counts = (await readReporterCounts(db, { from: FROM, to: TO, platformIds: [PLATFORM] })).get(PLATFORM)?.get(ACADEMY);
    expect([5, 7, 10, 11, 12, 50].map((m) => counts?.[m])).toEqual([1, 1, 1, 2, 1, 0]);
    const late = (await readLateMinutes(db, { from: FROM, to: TO, toleranceMs: 2 * MIN })).get(PLATFORM)?.get(ACADEMY);
    expect([5, 7, 10, 11, 12].map((m) => late?.[m])).toEqual([0, 0, arrival.getTime(), arrival.getTime(), arrival.getTime()]);
  });
});
