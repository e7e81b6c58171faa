import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { createLiveHub, type LiveHub, type LiveSink } from '@/lib/live/hub';
import { createMemoryBus } from '@/lib/live/memory-bus';
import { createPgBus } from '@/lib/live/pg-bus';
import type { LiveEvent } from '@/lib/live/types';
import type { LiveDelta } from '@/lib/map-state/types';
import { freePort } from '@/lib/net/free-port';

type Collected = LiveSink & { text: string; closed: boolean; deltas(): LiveDelta[]; ids(): number[] };

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
    deltas: () => [...sink.text.matchAll(/^data: (.*)$/gm)].map((m) => JSON.parse(m[1] as string) as LiveDelta),
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
    hub = createLiveHub({ bus: createMemoryBus(), maxConnections: 3, flushMs: 100, heartbeatMs: 15_000, bufferSize: 5, now: () => now, random: () => 0 });
    await hub.start();
  });
  afterEach(async () => {
    await hub.stop();
    vi.useRealTimers();
  });

  test('numbers published deltas and writes them to every stream in one chunk per flush', () => {
    const a = collector();
    const b = collector();
    hub.attach({ platformId: null, lastSeq: null, sink: a });
    hub.attach({ platformId: null, lastSeq: null, sink: b });
    expect(a.text).toBe('retry: 5000\n\n: ok\n\n');
    hub.publish([report('pronote'), report('cned')]);
    expect(a.deltas()).toEqual([]);
    vi.advanceTimersByTime(100);
    expect(a.deltas().map((d) => d.kind === 'report' && d.platformId)).toEqual(['pronote', 'cned']);
    expect(a.ids()).toEqual([now * 1000, now * 1000 + 1]);
    expect(a.deltas().map((d) => d.seq)).toEqual(a.ids());
    expect(b.text).toBe(a.text);
  });

  test('a platform filter keeps that platform’s deltas and every resync', () => {
    const only = collector();
    hub.attach({ platformId: 'cned', lastSeq: null, sink: only });
    hub.publish([report('pronote'), report('cned'), { kind: 'resync' }]);
    vi.advanceTimersByTime(100);
    expect(only.deltas().map((d) => d.kind)).toEqual(['report', 'resync']);
  });

  test('a client resuming from its last seq gets what it missed; one too far behind gets a resync', () => {
    const first = collector();
    hub.attach({ platformId: null, lastSeq: null, sink: first });
    hub.publish([report('a'), report('b')]);
    vi.advanceTimersByTime(100);
    const [seenA] = first.ids();
    const again = collector();
    hub.attach({ platformId: null, lastSeq: seenA ?? 0, sink: again });
    expect(again.deltas().map((d) => d.kind === 'report' && d.platformId)).toEqual(['b']);
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
    expect(client.deltas().map((d) => d.kind === 'report' && d.platformId)).toEqual(['after']);
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
