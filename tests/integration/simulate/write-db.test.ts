import { afterAll, describe, expect, inject, test } from 'vitest';
import { createPrismaClient } from '@/lib/db/create-client';
import { simulateIter } from '@/lib/simulate/generate';
import { writeSimulatedReports } from '@/lib/simulate/io/write-db';
import { spamFlood } from '@/lib/simulate/scenarios';

const db = createPrismaClient({ url: inject('databaseUrl'), kind: inject('databaseKind') });
const start = new Date('2019-01-14T00:00:00Z');
const end = new Date('2019-01-15T00:00:00Z');
afterAll(async () => {
  await db.report.deleteMany({ where: { createdAt: { gte: start, lt: end } } });
  await db.reportCount.deleteMany({ where: { bucketStart: { gte: start, lt: end } } });
  await db.$disconnect();
});

describe('writeSimulatedReports', () => {
  test('stores a simulated day through the live counting policy: a one-source spam flood counts once per 10 minutes', async () => {
    const spam = spamFlood({ platformId: 'pronote', academyId: 'corse', at: new Date('2019-01-14T10:00:00Z'), count: 300, durationMin: 20 });
    const reports = simulateIter({ start, end, seed: 7, platforms: ['pronote'], scenarios: [spam] });
    const result = await writeSimulatedReports(db, reports, { seed: 7 });
    expect(result.written).toBeGreaterThan(300);
    const spamWindow = { gte: new Date('2019-01-14T10:00:00Z'), lt: new Date('2019-01-14T10:21:00Z') };
    const flagged = await db.report.count({ where: { platformId: 'pronote', academyId: 'corse', createdAt: spamWindow, counted: false } });
    expect(flagged).toBeGreaterThanOrEqual(295);
    const counted = await db.reportCount.aggregate({
      where: { platformId: 'pronote', academyId: 'corse', bucketStart: spamWindow },
      _sum: { reporters: true },
    });
    expect(counted._sum.reporters ?? 0).toBeLessThanOrEqual(6);
  });
});
