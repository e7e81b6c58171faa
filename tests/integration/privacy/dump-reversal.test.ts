import { createHmac, randomBytes } from 'node:crypto';
import { afterAll, describe, expect, inject, test } from 'vitest';
import { createPrismaClient } from '@/lib/db/create-client';
import { insertReportBatch } from '@/lib/db/reports';
import { createDayKeySource, destroyExpiredDayKeys } from '@/lib/ingest/day-key';
import { deviceTokenHash, sourceFingerprint } from '@/lib/ingest/fingerprint';
import { ensurePowSecret } from '@/lib/pow/secret';
import { reportRow } from '../../helpers/factories';

// A dump is every table. The attacker brute-forces fingerprints over an IPv4 sample with every
// secret-looking value the dump holds; only a key that still exists can match anything.
const db = createPrismaClient({ url: inject('databaseUrl'), kind: inject('databaseKind') });
const HOUR = 3_600_000;
const TODAY = new Date('2033-05-12T10:00:00Z');
const YESTERDAY = new Date(TODAY.getTime() - 22 * HOUR);
const TWO_DAYS_AGO = new Date(TODAY.getTime() - 46 * HOUR);
/** 65,536 candidate addresses, the victims' among them. */
const SAMPLE = Array.from({ length: 65_536 }, (_, i) => `198.18.${i >> 8}.${i & 255}`);
const VICTIMS = ['198.18.7.42', '198.18.200.3', '198.18.99.199'];
const TOKEN = randomBytes(16).toString('base64url');

afterAll(async () => {
  await db.report.deleteMany({ where: { platformId: 'neo', createdAt: { gte: new Date('2033-05-10'), lt: new Date('2033-05-13') } } });
  await db.fingerprintKey.deleteMany({ where: { day: { startsWith: '2033-05-1' } } });
  await db.$disconnect();
});

type StoredRow = { fingerprint: string; deviceHash: string };

/** Stores the victims' reports of the day of `now` as the app does, uncounted so that no figure moves. */
async function storeVictims(now: Date): Promise<void> {
  const key = await createDayKeySource(db)(now);
  await insertReportBatch(
    db,
    VICTIMS.map((ip) =>
      reportRow({
        platformId: 'neo', academyId: 'nantes', createdAt: now, counted: false,
        sourceFingerprint: sourceFingerprint({ ip, key }), deviceTokenHash: deviceTokenHash({ token: TOKEN, key }),
      }),
    ),
  );
}

/** The report rows of the dump around `at` (± 1 h). */
async function dumpedRows(at: Date): Promise<StoredRow[]> {
  const rows = await db.report.findMany({ where: { platformId: 'neo', createdAt: { gte: new Date(at.getTime() - HOUR), lt: new Date(at.getTime() + HOUR) } } });
  return rows.map((r) => ({ fingerprint: r.sourceFingerprint ?? '', deviceHash: r.deviceTokenHash ?? '' }));
}

/** Every value of the dump an attacker would try as a key: fingerprint keys and all settings (secrets included). */
async function candidateKeys(): Promise<Buffer[]> {
  const [keys, settings] = await Promise.all([db.fingerprintKey.findMany(), db.setting.findMany()]);
  const strings = settings.flatMap((s) => (typeof s.value === 'string' ? [s.value] : []));
  const days = ['2033-05-10', '2033-05-11', '2033-05-12'];
  // Shorter values (other suites' settings) cannot be keys: the fingerprint refuses keys under 16 bytes.
  return [
    ...keys.map((k) => Buffer.from(k.key, 'hex')),
    ...strings.map((s) => Buffer.from(s)),
    // The old scheme: a day salt derived from a stored secret.
    ...strings.flatMap((s) => days.map((day) => createHmac('sha256', s).update(day).digest())),
  ].filter((key) => key.length >= 16);
}

function bruteForce(rows: StoredRow[], keys: Buffer[]): { ips: string[]; devices: number } {
  const wanted = new Set(rows.map((r) => r.fingerprint));
  const ips: string[] = [];
  for (const key of keys) {
    for (const ip of SAMPLE) if (wanted.has(sourceFingerprint({ ip, key }))) ips.push(ip);
  }
  const devices = keys.filter((key) => rows.some((r) => r.deviceHash === deviceTokenHash({ token: TOKEN, key }))).length;
  return { ips: ips.sort(), devices };
}

describe('a database dump cannot name the reporters of past days', () => {
  test('after the purge, rows of yesterday and two days ago match no address of the sample; today’s match only through the live key', { timeout: 120_000 }, async () => {
    await ensurePowSecret(db);
    for (const day of [TWO_DAYS_AGO, YESTERDAY, TODAY]) await storeVictims(day);
    await destroyExpiredDayKeys(db, TODAY);
    const [twoDaysAgo, yesterday, today] = [await dumpedRows(TWO_DAYS_AGO), await dumpedRows(YESTERDAY), await dumpedRows(TODAY)];
    expect([twoDaysAgo, yesterday, today].map((rows) => rows.filter((r) => r.fingerprint !== '').length)).toEqual([3, 3, 3]);

    const days = (await db.fingerprintKey.findMany({ where: { day: { startsWith: '2033-05-1' } } })).map((k) => k.day);
    expect(days).toEqual(['2033-05-12']);
    const keys = await candidateKeys();
    expect(bruteForce([...twoDaysAgo, ...yesterday], keys)).toEqual({ ips: [], devices: 0 });
    // The same attack is not blind: with today's key, still in the store, it names every victim.
    expect(bruteForce(today, keys)).toEqual({ ips: [...VICTIMS].sort(), devices: 1 });
  });

  test('a day’s key outlives its day only by the grace period', async () => {
    await createDayKeySource(db)(new Date('2033-05-15T23:59:00Z'));
    await destroyExpiredDayKeys(db, new Date('2033-05-16T00:05:00Z'));
    expect(await db.fingerprintKey.count({ where: { day: '2033-05-15' } })).toBe(1);
    await destroyExpiredDayKeys(db, new Date('2033-05-16T00:11:00Z'));
    expect(await db.fingerprintKey.count({ where: { day: '2033-05-15' } })).toBe(0);
  });
});
