import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, inject, test } from 'vitest';
import { createPrismaClient } from '@/lib/db/create-client';
import { createBatcher } from '@/lib/ingest/batcher';
import { createInFlightReports, type InFlightReports } from '@/lib/ingest/in-flight';
import type { PendingReport } from '@/lib/ingest/plan-batch';
import { processBatch, type BatchResult } from '@/lib/ingest/process-batch';
import { uuidv7 } from '@/lib/domain/uuid';

const db = createPrismaClient({ url: inject('databaseUrl'), kind: inject('databaseKind') });
afterAll(() => db.$disconnect());

function pending(overrides: Partial<PendingReport> = {}): PendingReport {
  return {
    id: uuidv7(Date.now()),
    platform: 'skolengo',
    academy: 'rennes',
    category: 'slow',
    role: null,
    comment: null,
    observedAt: null,
    idempotencyKey: randomUUID(),
    fingerprint: randomUUID().replaceAll('-', ''),
    deviceHash: null,
    network: null,
    powVerified: false,
    website: undefined,
    receivedAt: new Date(),
    ...overrides,
  };
}

/** The production batch path (processBatch on the database) behind a batcher that records its writes. */
function recordingBatcher(maxWriters = 1, inFlight?: InFlightReports) {
  const writes: number[] = [];
  const batcher = createBatcher<PendingReport, BatchResult>({
    maxBatch: 200,
    maxWriters,
    run: (items) => {
      writes.push(items.length);
      return processBatch(db, items, { inFlight });
    },
  });
  return { batcher, writes };
}

async function countedFor(platformId: string, academyId: string): Promise<number> {
  const agg = await db.reportCount.aggregate({ where: { platformId, academyId }, _sum: { reports: true } });
  return agg._sum.reports ?? 0;
}

describe('ingest group commit on the database', () => {
  test('a lone report is written on its own and is stored when it is answered', async () => {
    const { batcher, writes } = recordingBatcher();
    const report = pending();
    const result = await batcher.submit(report);
    expect(writes).toEqual([1]);
    expect(result).toMatchObject({ status: 'accepted', counted: true });
    expect(await db.report.count({ where: { id: result.id } })).toBe(1);
  });

  test('reports arriving during a write share the next one; every report stored and counted once', async () => {
    const { batcher, writes } = recordingBatcher();
    const before = await countedFor('skolengo', 'lyon');
    const first = batcher.submit(pending({ academy: 'lyon' }));
    await new Promise((r) => setImmediate(r));
    expect(batcher.writing()).toBe(1);
    const later = Array.from({ length: 30 }, () => batcher.submit(pending({ academy: 'lyon' })));
    const results = await Promise.all([first, ...later]);
    expect(writes).toEqual([1, 30]);
    expect(results.every((r) => r.status === 'accepted' && r.counted)).toBe(true);
    expect(await db.report.count({ where: { id: { in: results.map((r) => r.id) } } })).toBe(31);
    expect((await countedFor('skolengo', 'lyon')) - before).toBe(31);
  });

  test('one source reporting twice in consecutive writes counts once', async () => {
    const { batcher, writes } = recordingBatcher();
    const fingerprint = randomUUID().replaceAll('-', '');
    const first = batcher.submit(pending({ academy: 'nice', fingerprint }));
    await new Promise((r) => setImmediate(r));
    const second = batcher.submit(pending({ academy: 'nice', fingerprint }));
    const [a, b] = await Promise.all([first, second]);
    expect(writes).toEqual([1, 1]);
    expect(a).toMatchObject({ status: 'accepted', counted: true });
    expect(b).toMatchObject({ status: 'accepted', counted: false });
  });

  test('one key in two concurrent writes is stored once and answered with the same id', async () => {
    const { batcher, writes } = recordingBatcher(2);
    const key = randomUUID();
    const first = batcher.submit(pending({ academy: 'grenoble', idempotencyKey: key }));
    await new Promise((r) => setImmediate(r));
    const second = batcher.submit(pending({ academy: 'grenoble', idempotencyKey: key }));
    const [a, b] = await Promise.all([first, second]);
    expect(writes).toEqual([1, 1]);
    expect([a.status, b.status].sort()).toEqual(['accepted', 'duplicate']);
    expect(a.id).toBe(b.id);
    expect(await db.report.count({ where: { idempotencyKey: key } })).toBe(1);
  });

  test('with two writers, one source reporting in two concurrent writes still counts once', async () => {
    const { batcher, writes } = recordingBatcher(2, createInFlightReports());
    const fingerprint = randomUUID().replaceAll('-', '');
    const first = batcher.submit(pending({ academy: 'dijon', fingerprint }));
    await new Promise((r) => setImmediate(r));
    const second = batcher.submit(pending({ academy: 'dijon', fingerprint }));
    const results = await Promise.all([first, second]);
    expect(writes).toEqual([1, 1]);
    expect(results.map((r) => r.counted).sort()).toEqual([false, true]);
  });
});
