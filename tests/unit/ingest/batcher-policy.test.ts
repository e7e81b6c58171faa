import { describe, expect, test } from 'vitest';
import { createBatcher } from '@/lib/ingest/batcher';

/** A fake event loop: deferred callbacks run only when the test ends the turn. */
function fakeTurns() {
  let pending: Array<() => void> = [];
  return {
    defer: (fn: () => void) => void pending.push(fn),
    async endTurn() {
      await settle();
      const now = pending;
      pending = [];
      for (const fn of now) fn();
      await settle();
    },
  };
}

/** A fake writer: each write stays in flight until the test completes or fails it. */
function fakeWriter() {
  const writes: Array<{ items: number[]; done(): void; fail(error: Error): void }> = [];
  return {
    writes,
    batches: () => writes.map((w) => w.items),
    run: (items: number[]) =>
      new Promise<Array<number | Error>>((resolve, reject) => {
        writes.push({ items, done: () => resolve(items.map((i) => i * 10)), fail: reject });
      }),
  };
}

const settle = () => new Promise<void>((r) => queueMicrotask(r)).then(() => new Promise<void>((r) => queueMicrotask(r)));

function setup(opts: { maxBatch?: number; maxWriters?: number } = {}) {
  const turns = fakeTurns();
  const writer = fakeWriter();
  const batcher = createBatcher<number, number>({ maxBatch: opts.maxBatch ?? 100, maxWriters: opts.maxWriters, run: writer.run, defer: turns.defer });
  const answered: number[] = [];
  const submit = (i: number) => batcher.submit(i).then((r) => void answered.push(r), () => void answered.push(-i));
  return { turns, writer, batcher, answered, submit };
}

describe('createBatcher policy (group commit)', () => {
  test('writes a lone submission at the end of its turn, without waiting for company', async () => {
    const { turns, writer, submit } = setup();
    void submit(1);
    expect(writer.batches()).toEqual([]);
    await turns.endTurn();
    expect(writer.batches()).toEqual([[1]]);
  });

  test('submissions of the same turn share one write', async () => {
    const { turns, writer, submit } = setup();
    [1, 2, 3].forEach((i) => void submit(i));
    await turns.endTurn();
    expect(writer.batches()).toEqual([[1, 2, 3]]);
  });

  test('arrivals while the write is in flight wait, then share the next write', async () => {
    const { turns, writer, batcher, submit } = setup();
    void submit(1);
    await turns.endTurn();
    for (const i of [2, 3, 4]) {
      void submit(i);
      await turns.endTurn();
    }
    expect(writer.batches()).toEqual([[1]]);
    expect(batcher.size()).toBe(3);
    writer.writes[0]?.done();
    await turns.endTurn();
    expect(writer.batches()).toEqual([[1], [2, 3, 4]]);
  });

  test('answers a submission only after its write has completed (acknowledged = committed)', async () => {
    const { turns, writer, answered, submit } = setup();
    void submit(1);
    await turns.endTurn();
    await turns.endTurn();
    expect(answered).toEqual([]);
    writer.writes[0]?.done();
    await turns.endTurn();
    expect(answered).toEqual([10]);
  });

  test('never has more than maxWriters writes in flight nor more than maxBatch items per write', async () => {
    const { turns, writer, batcher, submit } = setup({ maxBatch: 3, maxWriters: 2 });
    for (let i = 0; i < 8; i += 1) void submit(i);
    await turns.endTurn();
    expect(writer.batches()).toEqual([[0, 1, 2], [3, 4, 5]]);
    expect(batcher.writing()).toBe(2);
    writer.writes[1]?.done();
    await turns.endTurn();
    expect(writer.batches()).toEqual([[0, 1, 2], [3, 4, 5], [6, 7]]);
    expect(batcher.writing()).toBe(2);
  });

  test('a second writer starts at once while the first is in flight', async () => {
    const { turns, writer, submit } = setup({ maxWriters: 2 });
    void submit(1);
    await turns.endTurn();
    void submit(2);
    await turns.endTurn();
    expect(writer.batches()).toEqual([[1], [2]]);
  });

  test('a failed write rejects only its own items and the queue keeps flowing', async () => {
    const { turns, writer, answered, submit } = setup();
    void submit(1);
    await turns.endTurn();
    void submit(2);
    writer.writes[0]?.fail(new Error('db down'));
    await turns.endTurn();
    expect(answered).toEqual([-1]);
    expect(writer.batches()).toEqual([[1], [2]]);
    writer.writes[1]?.done();
    await turns.endTurn();
    expect(answered).toEqual([-1, 20]);
  });
});
