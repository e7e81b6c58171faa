import { randomBytes } from 'node:crypto';
import Redis from 'ioredis';
import pg from 'pg';
import { afterEach, describe, expect, test } from 'vitest';
import { getDb } from '@/lib/db/client';
import type { PendingReport } from '@/lib/ingest/plan-batch';
import { processBatch } from '@/lib/ingest/process-batch';
import { uuidv7 } from '@/lib/domain/uuid';
import { createLiveHub, type LiveHub, type LiveSink } from '@/lib/live/hub';
import { createPgBus } from '@/lib/live/pg-bus';
import { createRedisBus } from '@/lib/live/redis-bus';
import { reportEvents } from '@/lib/live/report-events';
import { createSseParser } from '@/lib/live/sse-parser';
import type { LiveBus, LiveEvent } from '@/lib/live/types';
import type { StreamDelta } from '@/lib/map-state/types';
import { streamItems, type StreamItem } from '../../helpers/stream-items';

const PG_URL = process.env.TEST_DATABASE_URL;
const REDIS_URL = process.env.TEST_REDIS_URL;

/** `deltas`: counts frames expanded to one item per report (seq: the frame's). */
type Viewer = { deltas: StreamItem[]; sink: LiveSink; waitFor(p: (d: StreamItem) => boolean, timeoutMs?: number): Promise<StreamItem> };

function viewer(): Viewer {
  const deltas: StreamItem[] = [];
  const feed = createSseParser((m) => deltas.push(...streamItems(JSON.parse(m.data) as StreamDelta)));
  return {
    deltas,
    sink: { write: feed, backlog: () => 0, close: () => {} },
    async waitFor(predicate, timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const found = deltas.find(predicate);
        if (found) return found;
        if (Date.now() > deadline) throw new Error(`no matching delta within ${timeoutMs} ms: ${JSON.stringify(deltas)}`);
        await new Promise((r) => setTimeout(r, 20));
      }
    },
  };
}

function pending(platform: string, academy: string): PendingReport {
  const now = new Date();
  return {
    id: uuidv7(now.getTime()),
    platform,
    academy,
    category: 'unreachable',
    role: null,
    comment: 'joignable au 06 12 34 56 78',
    observedAt: null,
    idempotencyKey: `cross-${randomBytes(8).toString('hex')}`,
    fingerprint: randomBytes(32).toString('hex'),
    deviceHash: null,
    network: null,
    powVerified: false,
    website: undefined,
    receivedAt: now,
  };
}

type Backend = { name: string; url: string | undefined; bus(url: string, channel: string): LiveBus; dropSubscribers(url: string, channel: string): Promise<void> };

const BACKENDS: Backend[] = [
  {
    name: 'PostgreSQL LISTEN/NOTIFY (TEST_DATABASE_URL)',
    url: PG_URL,
    bus: (url, channel) => createPgBus({ url, channel }),
    async dropSubscribers(url, channel) {
      const admin = new pg.Client({ connectionString: url });
      await admin.connect();
      await admin.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE query = $1', [`LISTEN "${channel}"`]);
      await admin.end();
    },
  },
  {
    name: 'Redis pub/sub (TEST_REDIS_URL)',
    url: REDIS_URL,
    bus: (url, channel) => createRedisBus({ url, channel }),
    async dropSubscribers(url) {
      const admin = new Redis(url);
      await admin.client('KILL', 'TYPE', 'pubsub');
      admin.disconnect();
    },
  },
];

const hubs: LiveHub[] = [];
afterEach(async () => {
  await Promise.all(hubs.splice(0).map((h) => h.stop()));
});

async function twoInstances(backend: Backend, channel = `test_live_${randomBytes(4).toString('hex')}`): Promise<[LiveHub, LiveHub]> {
  const make = async () => {
    const hub = createLiveHub({ bus: backend.bus(backend.url as string, channel), maxConnections: 100, flushMs: 20 });
    hubs.push(hub);
    await hub.start();
    return hub;
  };
  return [await make(), await make()];
}

for (const backend of BACKENDS) {
  describe.skipIf(!backend.url)(`cross-instance fan-out over ${backend.name}${backend.url ? '' : ' — skipped: variable not set'}`, () => {
    test('a report accepted through one instance reaches a viewer connected to another', async () => {
      const [a, b] = await twoInstances(backend);
      const onB = viewer();
      b.attach({ platformId: null, lastSeq: null, sink: onB.sink });
      const results = await processBatch(getDb(), [pending('pronote', 'grenoble')], { onStored: (stored) => a.publish(reportEvents(stored)) });
      expect(results[0]).toMatchObject({ status: 'accepted', counted: true });
      const delta = await onB.waitFor((d) => d.kind === 'report');
      expect(delta).toMatchObject({ kind: 'report', platformId: 'pronote', academyId: 'grenoble', category: 'unreachable', reporter: true });
      expect(JSON.stringify(onB.deltas)).not.toContain('06 12');
    });

    test('a viewer may resume on another instance with the seq it got from the first', async () => {
      const [a, b] = await twoInstances(backend);
      const onA = viewer();
      a.attach({ platformId: null, lastSeq: null, sink: onA.sink });
      const report = (academyId: string): LiveEvent => ({ kind: 'report', at: new Date().toISOString(), platformId: 'pronote', academyId, category: 'login', reporter: true });
      a.publish([report('lille')]);
      const first = await onA.waitFor((d) => d.kind === 'report');
      await new Promise((r) => setTimeout(r, 100));
      b.publish([report('nancy-metz')]);
      await onA.waitFor((d) => d.kind === 'report' && d.academyId === 'nancy-metz');
      const onB = viewer();
      b.attach({ platformId: null, lastSeq: first.seq, sink: onB.sink });
      expect(onB.deltas.map((d) => d.kind === 'report' && d.academyId)).toEqual(['nancy-metz']);
    });

    // Timing-sensitive on a loaded 2-core machine (interleaved publishers / an attack sharing the CPU): retried, never loosened.
    test('with both instances publishing, each viewer gets every report once in seq order and a resume elsewhere counts each report once', { retry: 2 }, async () => {
      const [a, b] = await twoInstances(backend);
      const onA = viewer();
      const onB = viewer();
      a.attach({ platformId: null, lastSeq: null, sink: onA.sink });
      b.attach({ platformId: null, lastSeq: null, sink: onB.sink });
      const report = (academyId: string): LiveEvent => ({ kind: 'report', at: new Date().toISOString(), platformId: 'pronote', academyId, category: 'login', reporter: true });
      const names = Array.from({ length: 12 }, (_, i) => `academie-${i}`);
      for (const [i, name] of names.entries()) {
        (i % 2 === 0 ? a : b).publish([report(name)]);
        if (i % 3 === 2) await new Promise((r) => setTimeout(r, 150));
      }
      await onA.waitFor(() => onA.deltas.length >= names.length);
      await onB.waitFor(() => onB.deltas.length >= names.length);
      // Each instance folds the reports of its own flushes: frame boundaries (and so ids) may differ.
      const ids = (v: Viewer) => v.deltas.map((d) => d.seq);
      for (const v of [onA, onB]) {
        expect(ids(v)).toEqual([...ids(v)].sort((x, y) => x - y));
        expect(v.deltas.map((d) => d.kind === 'report' && d.academyId).sort()).toEqual([...names].sort());
      }
      const half = (onA.deltas[5] as StreamItem).seq;
      const resumed = viewer();
      b.attach({ platformId: null, lastSeq: half, sink: resumed.sink });
      const counted = [...onA.deltas.filter((d) => d.seq <= half), ...resumed.deltas].map((d) => d.kind === 'report' && d.academyId);
      expect([...counted].sort()).toEqual([...names].sort());
      expect(new Set(counted).size).toBe(names.length);
    });

    test('large batches arrive whole and in order (payloads split under the size limit)', async () => {
      const [a, b] = await twoInstances(backend);
      const onB = viewer();
      b.attach({ platformId: null, lastSeq: null, sink: onB.sink });
      const events: LiveEvent[] = Array.from({ length: 600 }, (_, i) => ({ kind: 'report', at: new Date(Date.now() + i).toISOString(), platformId: 'pronote', academyId: 'paris', category: 'login', reporter: i % 3 === 0 }));
      a.publish(events);
      await onB.waitFor(() => onB.deltas.length >= 600);
      await new Promise((r) => setTimeout(r, 100));
      expect(onB.deltas).toHaveLength(600);
      expect(onB.deltas.filter((d) => d.kind === 'report' && d.reporter)).toHaveLength(200);
      const minutes = (list: number[]) => [...new Set(list)].sort();
      expect(minutes(onB.deltas.map((d) => (d.kind === 'report' ? d.minute : -1)))).toEqual(minutes(events.map((e) => (e.kind === 'report' ? Math.floor(Date.parse(e.at) / 60_000) : -1))));
    });

    test('after losing its subscription an instance reconnects and tells its viewers to resync', async () => {
      const channel = `test_live_${randomBytes(4).toString('hex')}`;
      const [a, b] = await twoInstances(backend, channel);
      const onB = viewer();
      b.attach({ platformId: null, lastSeq: null, sink: onB.sink });
      await backend.dropSubscribers(backend.url as string, channel);
      await onB.waitFor((d) => d.kind === 'resync', 15_000);
      a.publish([{ kind: 'report', at: new Date().toISOString(), platformId: 'pronote', academyId: 'orleans-tours', category: 'login', reporter: true }]);
      await onB.waitFor((d) => d.kind === 'report', 15_000);
    });
  });
}
