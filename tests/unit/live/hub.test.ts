import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { createLiveHub, flushDelayMs, type LiveHub, type LiveSink } from '@/lib/live/hub';
import { createMemoryBus } from '@/lib/live/memory-bus';
import { createPgBus } from '@/lib/live/pg-bus';
import type { BusHandlers, LiveBus, LiveEvent } from '@/lib/live/types';
import type { LiveDelta, StreamDelta } from '@/lib/map-state/types';
import { freePort } from '@/lib/net/free-port';

/** `items()`: what the stream carried, one entry per report (its platform) and per other delta (its kind). */
type Collected = LiveSink & { text: string; closed: boolean; deltas(): StreamDelta[]; items(): string[]; ids(): number[] };

function collector(backlog = 0): Collected {
  const sink: Collected = {
    text: '',
    closed: false,
    write(chunk) {
      sink.text += chunk;
    },
    backlog: () => backlog,
    close() {
      sink.closed = true;
    },
    deltas: () => [...sink.text.matchAll(/^data: (.*)$/gm)].map((m) => JSON.parse(m[1] as string) as StreamDelta),
    items: () => sink.deltas().flatMap((d) => (d.kind === 'counts' ? d.cells.flatMap(([platformId, , , , reports]) => Array<string>(reports).fill(platformId)) : [d.kind])),
    ids: () => [...sink.text.matchAll(/^id: (\d+)$/gm)].map((m) => Number(m[1])),
  };
  return sink;
}

const report = (platformId: string, academyId = 'paris'): LiveEvent => ({ kind: 'report', at: '2021-04-06T07:02:00.000Z', platformId, academyId, category: 'login', reporter: true });

describe('createLiveHub', () => {
  let hub: LiveHub;
  let now: number;
  beforeEach(async () => {
    vi.useFakeTimers();
    now = 1_700_000_000_000;
    hub = createLiveHub({ bus: createMemoryBus(), maxConnections: 3, flushMs: 100, heartbeatMs: 15_000, bufferSize: 5, now: () => now, random: () => 0, seqTag: 0 });
    await hub.start();
  });
  afterEach(async () => {
    await hub.stop();
    vi.useRealTimers();
  });

  test('numbers published deltas and writes the reports of a flush to every stream as one counts frame', () => {
    const a = collector();
    const b = collector();
    hub.attach({ platformId: null, lastSeq: null, sink: a });
    hub.attach({ platformId: null, lastSeq: null, sink: b });
    expect(a.text).toBe('retry: 5000\n\n: ok\n\n');
    hub.publish([report('pronote'), report('cned')]);
    expect(a.deltas()).toEqual([]);
    vi.advanceTimersByTime(100);
    expect(a.items()).toEqual(['pronote', 'cned']);
    expect(a.ids()).toEqual([now * 1000 + 1000]);
    expect(a.deltas()).toEqual([
      {
        kind: 'counts',
        seq: now * 1000 + 1000,
        first: now * 1000,
        at: '2021-04-06T07:02:00.000Z',
        since: '2021-04-06T07:02:00.000Z',
        cells: [
          ['pronote', 'paris', 'login', Date.parse('2021-04-06T07:02:00.000Z') / 60_000, 1, 1],
          ['cned', 'paris', 'login', Date.parse('2021-04-06T07:02:00.000Z') / 60_000, 1, 1],
        ],
      },
    ]);
    expect(b.text).toBe(a.text);
  });

  test('a platform filter keeps that platform’s deltas and every resync', () => {
    const only = collector();
    hub.attach({ platformId: 'cned', lastSeq: null, sink: only });
    hub.publish([report('pronote'), report('cned'), { kind: 'resync' }]);
    vi.advanceTimersByTime(100);
    expect(only.items()).toEqual(['cned', 'resync']);
  });

  test('a client resuming from its last seq gets what it missed (even inside a frame); one too far behind gets a resync', () => {
    const first = collector();
    hub.attach({ platformId: null, lastSeq: null, sink: first });
    hub.publish([report('a'), report('b')]);
    vi.advanceTimersByTime(100);
    const frame = first.deltas()[0];
    const seenA = frame?.kind === 'counts' ? frame.first : 0;
    const again = collector();
    hub.attach({ platformId: null, lastSeq: seenA, sink: again });
    expect(again.items()).toEqual(['b']);
    expect(again.ids()).toEqual(first.ids());
    const done = collector();
    const attached = hub.attach({ platformId: null, lastSeq: first.ids()[0] ?? 0, sink: done });
    expect(done.text).toBe('retry: 5000\n\n: ok\n\n');
    if (attached.ok) attached.detach();
    hub.publish(['c', 'd', 'e', 'f', 'g'].map((p) => report(p)));
    vi.advanceTimersByTime(100);
    const late = collector();
    hub.attach({ platformId: null, lastSeq: seenA ?? 0, sink: late });
    expect(late.deltas()).toEqual([{ kind: 'resync', seq: late.ids()[0] }]);
  });

  test('the cursor given to a state read now lets the client resume without gap or repeat', () => {
    hub.publish([report('before')]);
    vi.advanceTimersByTime(100);
    const cursor = hub.cursor();
    hub.publish([report('after')]);
    vi.advanceTimersByTime(100);
    const client = collector();
    hub.attach({ platformId: null, lastSeq: cursor, sink: client });
    expect(client.items()).toEqual(['after']);
  });

  test('a client attached with a cursor while earlier reports are pending gets only the later ones', () => {
    const fresh = collector();
    hub.attach({ platformId: null, lastSeq: null, sink: fresh });
    hub.publish([report('before')]);
    const cursor = hub.cursor();
    now += 1;
    hub.publish([report('after')]);
    const client = collector();
    hub.attach({ platformId: null, lastSeq: cursor, sink: client });
    vi.advanceTimersByTime(100);
    expect(fresh.items()).toEqual(['before', 'after']);
    expect(client.items()).toEqual(['after']);
    expect(client.ids()).toEqual(fresh.ids());
    hub.publish([report('next')]);
    vi.advanceTimersByTime(100);
    expect(client.items()).toEqual(['after', 'next']);
    expect(client.text.endsWith(fresh.text.slice(fresh.text.lastIndexOf('id: ')))).toBe(true);
  });

  test('refuses connections beyond the cap with a retry delay, and frees a slot on detach', () => {
    const attached = [1, 2, 3].map(() => hub.attach({ platformId: null, lastSeq: null, sink: collector() }));
    expect(hub.connections()).toBe(3);
    expect(hub.attach({ platformId: null, lastSeq: null, sink: collector() })).toEqual({ ok: false, retryAfterSeconds: 5 });
    const first = attached[0];
    if (first?.ok) first.detach();
    expect(hub.connections()).toBe(2);
    expect(hub.attach({ platformId: null, lastSeq: null, sink: collector() }).ok).toBe(true);
  });

  test('drops a client that stopped reading instead of buffering for it', () => {
    const slow = collector(10_000_000);
    hub.attach({ platformId: null, lastSeq: null, sink: slow });
    hub.publish([report('pronote')]);
    vi.advanceTimersByTime(100);
    expect(slow.closed).toBe(true);
    expect(hub.connections()).toBe(0);
  });

  test('sends a heartbeat comment to idle streams', () => {
    const idle = collector();
    hub.attach({ platformId: 'x', lastSeq: null, sink: idle });
    vi.advanceTimersByTime(15_000);
    expect(idle.text.endsWith(': ping\n\n')).toBe(true);
  });

  test('reports numbered deltas to listeners (cache invalidation)', () => {
    const seen: string[] = [];
    hub.onDelta((d) => seen.push(d.kind));
    hub.emit([{ kind: 'resync' }, report('a')]);
    expect(seen).toEqual(['resync', 'report']);
  });
});

describe('flush pacing with many viewers', () => {
  test('flushDelayMs: the shortest wait with few viewers, connections / rate with many, never past the ceiling', () => {
    const pacing = { flushMs: 100, writesPerSecond: 4000, maxFlushMs: 1000 };
    expect(flushDelayMs(10, pacing)).toBe(100);
    expect(flushDelayMs(400, pacing)).toBe(100);
    expect(flushDelayMs(1000, pacing)).toBe(250);
    expect(flushDelayMs(100_000, pacing)).toBe(1000);
    expect(flushDelayMs(100_000, { flushMs: 100, maxFlushMs: 1000 })).toBe(100);
  });

  test('a hub with more viewers than its write rate allows flushes less often, in one frame', async () => {
    vi.useFakeTimers();
    const hub = createLiveHub({ bus: createMemoryBus(), maxConnections: 10, flushMs: 100, flushWritesPerSecond: 20, heartbeatMs: 15_000, seqTag: 0 });
    try {
      await hub.start();
      const sinks = Array.from({ length: 5 }, () => collector());
      for (const sink of sinks) hub.attach({ platformId: null, lastSeq: null, sink });
      hub.publish([report('pronote')]);
      vi.advanceTimersByTime(100);
      hub.publish([report('cned')]);
      vi.advanceTimersByTime(100);
      expect(sinks[0]?.items()).toEqual([]);
      vi.advanceTimersByTime(50);
      // 5 viewers at 20 writes/s: one flush per 250 ms, carrying both reports.
      for (const sink of sinks) expect(sink.items()).toEqual(['pronote', 'cned']);
      expect(sinks[0]?.deltas()).toHaveLength(1);
    } finally {
      await hub.stop();
      vi.useRealTimers();
    }
  });
});

describe('createLiveHub with a bus that times out but delivers', () => {
  test('a publish that failed late reaches viewers once, without a resync when its echo arrives', async () => {
    vi.useFakeTimers();
    let handlers: BusHandlers | null = null;
    // Like a Redis publish past its deadline: the caller sees a failure, the message is delivered anyway.
    const slowBus: LiveBus = {
      kind: 'redis',
      publish: (deltas) => {
        setTimeout(() => handlers?.onDeltas(deltas), 300);
        return Promise.reject(new Error('Command timed out'));
      },
      subscribe: async (h) => {
        handlers = h;
        return () => {};
      },
      close: async () => {},
    };
    const hub = createLiveHub({ bus: slowBus, maxConnections: 10, flushMs: 100, heartbeatMs: 15_000, seqTag: 0 });
    try {
      await hub.start();
      const sink = collector();
      hub.attach({ platformId: null, lastSeq: null, sink });
      hub.publish([report('pronote')]);
      await vi.advanceTimersByTimeAsync(1000);
      hub.publish([report('cned')]);
      await vi.advanceTimersByTimeAsync(1000);
      expect(sink.items()).toEqual(['pronote', 'cned']);
    } finally {
      await hub.stop();
      vi.useRealTimers();
    }
  });
});

describe('createLiveHub with an unreachable bus', () => {
  test('still delivers to its own clients when publishing fails, and start() reports the failure', async () => {
    const port = await freePort();
    const warnings: string[] = [];
    const hub = createLiveHub({
      bus: createPgBus({ url: `postgresql://nobody@127.0.0.1:${port}/none` }),
      maxConnections: 10,
      flushMs: 5,
      log: (_, message) => warnings.push(message),
    });
    await expect(hub.start()).rejects.toThrow();
    const client = collector();
    hub.attach({ platformId: null, lastSeq: null, sink: client });
    hub.publish([report('pronote')]);
    await vi.waitFor(() => expect(client.deltas()).toHaveLength(1), { timeout: 5_000 });
    expect(warnings.some((w) => w.includes('diffusion locale'))).toBe(true);
    await hub.stop();
  });
});

describe('createLiveHub with several publishers on one bus', () => {
  // A bus that holds every published batch until told to deliver it, to let messages cross.
  function holdingBus(): { bus: () => LiveBus; held: LiveDelta[][]; release(order: number[]): void } {
    const subscribers = new Set<BusHandlers>();
    const held: LiveDelta[][] = [];
    const bus = (): LiveBus => ({
      kind: 'memory',
      async publish(deltas) {
        held.push(deltas);
      },
      async subscribe(handlers) {
        subscribers.add(handlers);
        return () => subscribers.delete(handlers);
      },
      async close() {},
    });
    return {
      bus,
      held,
      release(order) {
        const batches = order.map((i) => held[i] as LiveDelta[]);
        held.length = 0;
        for (const batch of batches) for (const s of subscribers) s.onDeltas(batch);
      },
    };
  }

  let now: number;
  const hubs: LiveHub[] = [];
  beforeEach(() => {
    vi.useFakeTimers();
    now = 1_700_000_000_000;
  });
  afterEach(async () => {
    await Promise.all(hubs.splice(0).map((h) => h.stop()));
    vi.useRealTimers();
  });
  async function hubOn(bus: LiveBus, skewMs = 0, flushMs = 100): Promise<LiveHub> {
    const hub = createLiveHub({ bus, maxConnections: 10, flushMs, now: () => now + skewMs, seqTag: hubs.length + 1 });
    hubs.push(hub);
    await hub.start();
    return hub;
  }

  test('the same delta has the same seq on every instance (stamped by its publisher)', async () => {
    const shared = createMemoryBus();
    const [a, b] = [await hubOn(shared), await hubOn(shared, 7)];
    const onA = collector();
    const onB = collector();
    a.attach({ platformId: null, lastSeq: null, sink: onA });
    b.attach({ platformId: null, lastSeq: null, sink: onB });
    a.publish([report('pronote')]);
    b.publish([report('cned')]);
    vi.advanceTimersByTime(100);
    expect(onA.ids()).toHaveLength(1);
    expect(onA.items().sort()).toEqual(['cned', 'pronote']);
    expect(onB.ids()).toEqual(onA.ids());
    expect(onB.text).toBe(onA.text);
  });

  test.each([
    { name: 'in publish order', order: [0, 1] },
    { name: 'crossed on the bus', order: [1, 0] },
  ])('interleaved publishers reach each hub in seq order ($name)', async ({ order }) => {
    const holding = holdingBus();
    const [a, b, c] = [await hubOn(holding.bus()), await hubOn(holding.bus(), 3), await hubOn(holding.bus())];
    const onC = collector();
    c.attach({ platformId: null, lastSeq: null, sink: onC });
    a.publish([report('first')]);
    now += 1;
    b.publish([report('second')]);
    await Promise.resolve();
    holding.release(order);
    vi.advanceTimersByTime(100);
    const ids = onC.ids();
    expect(ids).toEqual([...ids].sort((x, y) => x - y));
    expect(onC.items()).toEqual(['first', 'second']);
  });

  test('a delta arriving after a greater seq went out becomes a resync, never a second number', async () => {
    const holding = holdingBus();
    const [a, b, c] = [await hubOn(holding.bus()), await hubOn(holding.bus()), await hubOn(holding.bus())];
    const onC = collector();
    c.attach({ platformId: null, lastSeq: null, sink: onC });
    a.publish([report('early')]);
    now += 5;
    b.publish([report('later')]);
    await Promise.resolve();
    holding.release([1]);
    vi.advanceTimersByTime(100);
    holding.held.push([]);
    const earlySeq = onC.ids()[0] ?? 0;
    holding.release([]);
    a.publish([report('next')]);
    await Promise.resolve();
    expect(holding.held).toHaveLength(1);
    const lateBatch = [{ kind: 'report', seq: earlySeq - 3000, at: '2021-04-06T07:02:00.000Z', platformId: 'early', academyId: 'paris', category: 'login', reporter: true }] as LiveDelta[];
    holding.held.unshift(lateBatch);
    holding.release([0, 1]);
    vi.advanceTimersByTime(100);
    expect(onC.items()).toEqual(['later', 'next', 'resync']);
    const ids = onC.ids();
    expect(ids).toEqual([...ids].sort((x, y) => x - y));
    expect(new Set(ids).size).toBe(ids.length);
  });

  test('a viewer resuming on another instance gets each report once, whatever the frames there', async () => {
    const shared = createMemoryBus();
    const [a, b] = [await hubOn(shared, 0, 50), await hubOn(shared, -2)];
    const onA = collector();
    a.attach({ platformId: null, lastSeq: null, sink: onA });
    for (const [hub, p] of [[a, 'r1'], [b, 'r2']] as const) {
      hub.publish([report(p)]);
      now += 1;
    }
    vi.advanceTimersByTime(50);
    for (const [hub, p] of [[b, 'r3'], [a, 'r4']] as const) {
      hub.publish([report(p)]);
      now += 1;
    }
    vi.advanceTimersByTime(100);
    // a flushed r1–r2 then r3–r4; b flushed r1–r4 at once: the resume point is inside b's frame.
    expect(onA.ids()).toHaveLength(2);
    const seenOnA = onA.deltas().slice(0, 1);
    const resumed = collector();
    b.attach({ platformId: null, lastSeq: seenOnA.at(-1)?.seq ?? 0, sink: resumed });
    expect(resumed.items()).toEqual(['r3', 'r4']);
    expect([...onA.items().slice(0, 2), ...resumed.items()]).toEqual(['r1', 'r2', 'r3', 'r4']);
  });
});
