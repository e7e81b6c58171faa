import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, inject, test } from 'vitest';
import { createPrismaClient } from '@/lib/db/create-client';
import { claimJobTick } from '@/lib/db/job-lease';

const db = createPrismaClient({ url: inject('databaseUrl'), kind: inject('databaseKind') });
const name = `lease-${randomUUID().slice(0, 8)}`;
afterAll(async () => {
  await db.jobLease.deleteMany({ where: { name } });
  await db.$disconnect();
});

describe('claimJobTick', () => {
  test('grants each tick to exactly one of several concurrent claimants, later ticks again', async () => {
    const tick = new Date('2030-01-01T10:00:00Z');
    const first = await Promise.all(['a', 'b', 'c', 'd'].map((holder) => claimJobTick(db, { name, tickAt: tick, holder })));
    expect(first.filter(Boolean)).toHaveLength(1);
    expect(await claimJobTick(db, { name, tickAt: tick, holder: 'late' })).toBe(false);
    expect(await claimJobTick(db, { name, tickAt: new Date(tick.getTime() - 60_000), holder: 'old' })).toBe(false);
    expect(await claimJobTick(db, { name, tickAt: new Date(tick.getTime() + 60_000), holder: 'b' })).toBe(true);
  });
});
