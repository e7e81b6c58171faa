import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, inject, test } from 'vitest';
import { readBatchContext } from '@/lib/db/aggregates';
import { createPrismaClient } from '@/lib/db/create-client';

const db = createPrismaClient({ url: inject('databaseUrl'), kind: inject('databaseKind') });
const at = new Date('1999-03-03T09:30:00Z');
const minute = (m: number) => new Date(at.getTime() + m * 60_000);
const tag = randomUUID().slice(0, 8);
const fp = (name: string) => `${tag}-${name}`;
afterAll(async () => {
  await db.report.deleteMany({ where: { sourceFingerprint: { startsWith: tag } } });
  await db.reportCount.deleteMany({ where: { bucketStart: { gte: minute(-120), lt: minute(10) } } });
  await db.$disconnect();
});

type Seed = { fingerprint: string; m: number; platformId?: string; device?: string; comment?: string; counted?: boolean; distinct?: boolean };

function seed(rows: Seed[]) {
  return db.report.createMany({
    data: rows.map((r) => ({
      id: randomUUID(),
      platformId: r.platformId ?? 'pronote',
      academyId: 'lyon',
      category: 'login',
      idempotencyKey: randomUUID(),
      sourceFingerprint: r.fingerprint,
      deviceTokenHash: r.device ?? null,
      comment: r.comment ?? null,
      commentState: r.comment ? 'pending' : 'none',
      counted: r.counted ?? true,
      distinctReporter: r.distinct ?? true,
      createdAt: minute(r.m),
      updatedAt: minute(r.m),
    })),
  });
}

describe('readBatchContext', () => {
  test('finds recent reports by source, by device and by comment, oldest first, and nothing older', async () => {
    const comment = `Plus rien ne marche depuis ce matin ${tag}`;
    await seed([
      { fingerprint: fp('a'), m: -5 },
      { fingerprint: fp('a'), m: -30 },
      { fingerprint: fp('other-device'), m: -3, device: `${tag}-dev` },
      { fingerprint: fp('other-comment'), m: -2, comment },
      { fingerprint: fp('unrelated'), m: -1 },
    ]);
    const context = await readBatchContext(db, {
      recentSince: minute(-10),
      reportersSince: minute(-30),
      countsSince: minute(-30),
      fingerprints: [fp('a')],
      deviceHashes: [`${tag}-dev`],
      comments: [comment],
      pairs: [],
    });
    expect(context.recent.map((r) => [r.sourceFingerprint, r.createdAt.toISOString()])).toEqual([
      [fp('a'), minute(-5).toISOString()],
      [fp('other-device'), minute(-3).toISOString()],
      [fp('other-comment'), minute(-2).toISOString()],
    ]);
    expect(context.recent[1]).toMatchObject({ deviceTokenHash: `${tag}-dev`, platformId: 'pronote', academyId: 'lyon', category: 'login', counted: true });
  });

  test('lists the distinct reporters each source had counted per platform, and the counts per pair', async () => {
    await seed([
      { fingerprint: fp('p'), m: -20, platformId: 'pronote' },
      { fingerprint: fp('p'), m: -15, platformId: 'pronote', device: `${tag}-phone` },
      { fingerprint: fp('p'), m: -20, platformId: 'ecoledirecte', distinct: false },
      { fingerprint: fp('p'), m: -40, platformId: 'skolengo' },
      { fingerprint: fp('p'), m: -10, platformId: 'educonnect', counted: false },
    ]);
    await db.reportCount.createMany({
      data: [
        // Another académie than the seeded reports', so no other suite recounting reports can touch these counters.
        { platformId: 'pronote', academyId: 'corse', bucketStart: minute(-31), reports: 100, reporters: 100 },
        { platformId: 'pronote', academyId: 'corse', bucketStart: minute(-29), reports: 3, reporters: 3 },
        { platformId: 'pronote', academyId: 'corse', bucketStart: minute(-1), reports: 4, reporters: 4 },
      ],
    });
    const context = await readBatchContext(db, {
      recentSince: minute(-10),
      reportersSince: minute(-30),
      countsSince: minute(-30),
      fingerprints: [fp('p')],
      deviceHashes: [],
      comments: [],
      pairs: [{ platformId: 'pronote', academyId: 'corse' }, { platformId: 'pronote', academyId: 'guyane' }],
    });
    for (const list of context.reporters.values()) list.sort((a, b) => a.at - b.at);
    expect([...context.reporters]).toEqual([
      [`${fp('p')}|pronote`, [{ device: '', at: minute(-20).getTime() }, { device: `${tag}-phone`, at: minute(-15).getTime() }]],
    ]);
    expect([...context.counts]).toEqual([['pronote|corse', 7]]);
  });

  test.skipIf(inject('databaseKind') !== 'postgresql')('settles on a generic plan: a batch is not planned afresh', async () => {
    // One connection, so every execution meets the same named prepared statement.
    const single = createPrismaClient({ url: inject('databaseUrl'), kind: 'postgresql', poolMax: 1 });
    try {
      for (let i = 0; i < 12; i += 1) {
        await readBatchContext(single, {
          recentSince: minute(-10),
          reportersSince: minute(-30),
          countsSince: minute(-30),
          fingerprints: [fp(`g${i}`), fp(`h${i}`)],
          deviceHashes: i % 3 === 0 ? [`${tag}-dev${i}`] : [],
          comments: [],
          pairs: [{ platformId: 'pronote', academyId: 'lyon' }],
        });
      }
      const [plans] = await single.$queryRaw<Array<{ generic: number; custom: number }>>`
        SELECT generic_plans::int AS generic, custom_plans::int AS custom FROM pg_prepared_statements
        WHERE statement LIKE '%WITH recent AS%'`;
      expect(plans?.custom).toBeLessThanOrEqual(5);
      expect(plans?.generic).toBeGreaterThanOrEqual(7);
    } finally {
      await single.$disconnect();
    }
  });
});
