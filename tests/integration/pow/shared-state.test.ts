import { randomBytes, randomUUID } from 'node:crypto';
import { solveChallenge } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/pbkdf2';
import { afterAll, describe, expect, inject, test } from 'vitest';
import { createPrismaClient } from '@/lib/db/create-client';
import { createPowChallenge, createPowConfig, verifyPowPayload } from '@/lib/pow/challenge';
import { encodePowPayload, parsePowPayload } from '@/lib/pow/payload';
import { createSharedSurge } from '@/lib/pow/shared-surge';
import { surgeConfigWithFloor } from '@/lib/pow/surge';
import { createDbUsedChallengeStore } from '@/lib/pow/used-challenges';

// Two app instances: two clients with their own connections to one database.
const url = inject('databaseUrl');
const kind = inject('databaseKind');
const instanceA = createPrismaClient({ url, kind });
const instanceB = createPrismaClient({ url, kind });
const surgeId = `shared-${randomUUID()}`;
const nonces: string[] = [];

afterAll(async () => {
  await instanceA.powUsedChallenge.deleteMany({ where: { nonce: { in: nonces } } });
  await instanceA.powSurge.deleteMany({ where: { id: { startsWith: surgeId } } });
  await instanceA.powTraffic.deleteMany({ where: { surgeId: { startsWith: surgeId } } });
  await Promise.all([instanceA.$disconnect(), instanceB.$disconnect()]);
});

const config = createPowConfig(randomBytes(32).toString('hex'), { cost: 10, counterMin: 5, counterMax: 20 });

async function solvedPayload(now: Date): Promise<string> {
  const challenge = await createPowChallenge({ config, now });
  const solution = await solveChallenge({ challenge, deriveKey, timeout: 10_000 });
  if (!solution) throw new Error('unsolved');
  const payload = encodePowPayload({ challenge, solution } as Parameters<typeof encodePowPayload>[0]);
  nonces.push(parsePowPayload(payload)?.challenge.parameters.nonce ?? '');
  return payload;
}

describe('used proof-of-work challenges across instances', () => {
  test('a solution accepted by one instance is refused as replayed by the other', async () => {
    const now = new Date();
    const payload = await solvedPayload(now);
    const onA = await verifyPowPayload({ payload, config, now, usedChallenges: createDbUsedChallengeStore(instanceA) });
    const onB = await verifyPowPayload({ payload, config, now, usedChallenges: createDbUsedChallengeStore(instanceB) });
    expect(onA).toEqual({ ok: true });
    expect(onB).toMatchObject({ ok: false, reason: 'replayed' });
  });

  test('the same solution sent to both instances at once is accepted exactly once', async () => {
    const now = new Date();
    const payload = await solvedPayload(now);
    const verdicts = await Promise.all(
      [instanceA, instanceB, instanceA, instanceB].map((db) => verifyPowPayload({ payload, config, now, usedChallenges: createDbUsedChallengeStore(db) })),
    );
    expect(verdicts.filter((v) => v.ok)).toHaveLength(1);
  });
});

describe('the surge switch across instances', () => {
  test('traffic split over two instances, under the floor on each, switches proof of work on for both', async () => {
    const surgeA = createSharedSurge(instanceA, { id: surgeId });
    const surgeB = createSharedSurge(instanceB, { id: surgeId });
    const rule = surgeConfigWithFloor(60);
    const start = Date.now();
    for (let i = 0; i < 40; i += 1) {
      await surgeA.observe(new Date(start + i * 500), rule);
      await surgeB.observe(new Date(start + i * 500 + 250), rule);
    }
    const later = new Date(start + 40 * 500 + 2_500);
    expect(await surgeA.observe(later, rule)).toBe(true);
    expect(await surgeB.isActive(new Date(later.getTime() + 2_500))).toBe(true);
    const alone = createSharedSurge(instanceA, { id: `${surgeId}-alone` });
    for (let i = 0; i < 40; i += 1) await alone.observe(new Date(start + i * 500), rule);
    expect(await alone.observe(later, rule)).toBe(false);
  });
});
