import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, inject, test } from 'vitest';
import { createPrismaClient } from '@/lib/db/create-client';
import { purgeFingerprintsJob } from '@/lib/jobs/jobs';

const db = createPrismaClient({ url: inject('databaseUrl'), kind: inject('databaseKind') });
const ids: string[] = [];
afterAll(async () => {
  await db.report.deleteMany({ where: { id: { in: ids } } });
  await db.$disconnect();
});

async function reportAt(createdAt: Date) {
  const id = randomUUID();
  ids.push(id);
  await db.report.create({
    data: { id, platformId: 'pronote', academyId: 'paris', category: 'slow', idempotencyKey: `purge-${id}`, sourceFingerprint: 'f'.repeat(64), deviceTokenHash: 'd'.repeat(64), networkFingerprint: 'n'.repeat(64), createdAt },
  });
  return id;
}

describe('purge-fingerprints job', () => {
  test('clears fingerprints and device hashes older than 48 hours, keeps the reports', async () => {
    const now = new Date('2030-01-10T12:00:00Z');
    const old = await reportAt(new Date(now.getTime() - 49 * 3_600_000));
    const recent = await reportAt(new Date(now.getTime() - 47 * 3_600_000));
    await purgeFingerprintsJob(db).run(now);
    const [oldRow, recentRow] = await Promise.all([
      db.report.findFirstOrThrow({ where: { id: old } }),
      db.report.findFirstOrThrow({ where: { id: recent } }),
    ]);
    expect(oldRow.sourceFingerprint).toBeNull();
    expect(oldRow.deviceTokenHash).toBeNull();
    expect(oldRow.networkFingerprint).toBeNull();
    expect(oldRow.category).toBe('slow');
    expect(recentRow.sourceFingerprint).toBe('f'.repeat(64));
  });

  test('destroys the fingerprint keys of finished days and expired proof-of-work nonces', async () => {
    const now = new Date('2030-01-10T12:00:00Z');
    await db.fingerprintKey.createMany({ data: [{ day: '2030-01-09', key: 'a'.repeat(64) }, { day: '2030-01-10', key: 'b'.repeat(64) }], skipDuplicates: true });
    await db.powUsedChallenge.createMany({ data: [{ nonce: 'purge-expired', expiresAt: new Date(now.getTime() - 1) }, { nonce: 'purge-live', expiresAt: new Date(now.getTime() + 60_000) }] });
    try {
      await purgeFingerprintsJob(db).run(now);
      expect((await db.fingerprintKey.findMany({ where: { day: { in: ['2030-01-09', '2030-01-10'] } } })).map((k) => k.day)).toEqual(['2030-01-10']);
      expect((await db.powUsedChallenge.findMany({ where: { nonce: { startsWith: 'purge-' } } })).map((c) => c.nonce)).toEqual(['purge-live']);
    } finally {
      await db.fingerprintKey.deleteMany({ where: { day: { in: ['2030-01-09', '2030-01-10'] } } });
      await db.powUsedChallenge.deleteMany({ where: { nonce: { startsWith: 'purge-' } } });
    }
  });
});
