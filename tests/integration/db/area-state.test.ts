import { afterAll, describe, expect, inject, test } from 'vitest';
import { readAreaState } from '@/lib/db/aggregates';
import { createPrismaClient } from '@/lib/db/create-client';

const db = createPrismaClient({ url: inject('databaseUrl'), kind: inject('databaseKind') });
const at = new Date('2018-03-06T09:00:00Z');
const minute = (m: number) => new Date(at.getTime() + m * 60_000);
afterAll(async () => {
  await db.reportCount.deleteMany({ where: { bucketStart: { gte: minute(-120), lt: minute(10) } } });
  await db.$disconnect();
});

describe('readAreaState', () => {
  test('sums the minute counters of the window [at - window, at), per platform and académie', async () => {
    await db.reportCount.createMany({
      data: [
        { platformId: 'pronote', academyId: 'paris', bucketStart: minute(-31), reports: 100, reporters: 100 },
        { platformId: 'pronote', academyId: 'paris', bucketStart: minute(-30), reports: 3, reporters: 2 },
        { platformId: 'pronote', academyId: 'paris', bucketStart: minute(-1), reports: 4, reporters: 4 },
        { platformId: 'pronote', academyId: 'lille', bucketStart: minute(-5), reports: 1, reporters: 1 },
        { platformId: 'pronote', academyId: 'lille', bucketStart: minute(0), reports: 50, reporters: 50 },
        { platformId: 'ecoledirecte', academyId: 'paris', bucketStart: minute(-2), reports: 2, reporters: 2 },
      ],
    });
    const pronote = await readAreaState(db, { at, windowMinutes: 30, platformId: 'pronote' });
    expect(pronote.sort((a, b) => a.academyId.localeCompare(b.academyId))).toEqual([
      { platformId: 'pronote', academyId: 'lille', reports: 1, reporters: 1 },
      { platformId: 'pronote', academyId: 'paris', reports: 7, reporters: 6 },
    ]);
    const all = await readAreaState(db, { at, windowMinutes: 30 });
    expect(all).toHaveLength(3);
    expect(all.find((a) => a.platformId === 'ecoledirecte')).toEqual({ platformId: 'ecoledirecte', academyId: 'paris', reports: 2, reporters: 2 });
  });
});
