import { describe, expect, test } from 'vitest';
import { createReplayBuffer, type Frame } from '@/lib/live/replay-buffer';
import { createSeqClock } from '@/lib/live/seq-clock';

describe('createSeqClock', () => {
  test('numbers from the clock (ms × 1000 + tag), strictly increasing within a millisecond', () => {
    let now = 1_700_000_000_000;
    const clock = createSeqClock(() => now, 7);
    expect(clock.next()).toBe(now * 1000 + 7);
    expect(clock.next()).toBe(now * 1000 + 1007);
    now += 5;
    expect(clock.next()).toBe(now * 1000 + 7);
  });

  test.each([
    { tags: [0, 1] },
    { tags: [3, 999] },
    { tags: [500, 42] },
  ])('publishers with distinct tags $tags never stamp the same seq, even in the same millisecond', ({ tags }) => {
    const now = 1_700_000_000_000;
    const [a, b] = tags.map((tag) => createSeqClock(() => now, tag));
    const seqs = Array.from({ length: 50 }, (_, i) => ((i % 3 === 0 ? a : b) as ReturnType<typeof createSeqClock>).next());
    expect(new Set(seqs).size).toBe(seqs.length);
  });

  test('after observing a seq stamped elsewhere, the next one is greater and keeps its tag', () => {
    const now = 1_700_000_000_000;
    const clock = createSeqClock(() => now, 5);
    clock.observe(now * 1000 + 9_123);
    const next = clock.next();
    expect(next).toBeGreaterThan(now * 1000 + 9_123);
    expect(next % 1000).toBe(5);
    expect(() => createSeqClock(() => now, 1000)).toThrow();
  });

  test('stays monotonic when the wall clock goes back', () => {
    let now = 1_700_000_000_000;
    const clock = createSeqClock(() => now);
    const a = clock.next();
    now -= 60_000;
    expect(clock.next()).toBe(a + 1000);
  });

  test('every delta numbered after a cursor is greater than it, even within the same millisecond', () => {
    const now = 1_700_000_000_000;
    const clock = createSeqClock(() => now);
    const before = clock.next();
    const cursor = clock.cursor();
    expect(cursor).toBeGreaterThanOrEqual(before);
    expect(clock.next()).toBeGreaterThan(cursor);
    expect(Number.isSafeInteger(clock.next())).toBe(true);
  });
});

const frame = (seq: number, platformId: string | null = null): Frame => ({ seq, platformId, delta: { kind: 'resync', seq } });

describe('createReplayBuffer', () => {
  test('replays the frames after the client’s last seq, in order', () => {
    const buffer = createReplayBuffer(10, 100);
    for (const seq of [101, 105, 109, 120]) buffer.push(frame(seq));
    expect(buffer.since(105)).toEqual([frame(109), frame(120)]);
    expect(buffer.since(106)).toEqual([frame(109), frame(120)]);
    expect(buffer.since(120)).toEqual([]);
    expect(buffer.since(999)).toEqual([]);
    expect(buffer.since(100)).toHaveLength(4);
  });

  test('asks for a resync when the client is older than the hub (started after its point)', () => {
    const buffer = createReplayBuffer(10, 100);
    buffer.push(frame(101));
    expect(buffer.since(99)).toBe('resync');
  });

  test('keeps the last `capacity` frames; a client older than the oldest dropped one resyncs', () => {
    const buffer = createReplayBuffer(3, 0);
    for (let seq = 1; seq <= 7; seq += 1) buffer.push(frame(seq));
    expect(buffer.size()).toBe(3);
    expect(buffer.since(4)).toEqual([frame(5), frame(6), frame(7)]);
    expect(buffer.since(3)).toBe('resync');
    expect(buffer.since(6)).toEqual([frame(7)]);
  });
});
