import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { APPLY_EVERY_MS } from '@/lib/live-client/backoff';
import { createLiveConnection } from '@/lib/live-client/live-connection';
import type { StreamDelta } from '@/lib/map-state/types';

class FakeSource {
  static opened: FakeSource[] = [];
  onopen: ((e: Event) => void) | null = null;
  onmessage: ((e: MessageEvent) => void) | null = null;
  onerror: ((e: Event) => void) | null = null;
  closed = false;
  constructor(readonly url: string) {
    FakeSource.opened.push(this);
  }
  close() {
    this.closed = true;
  }
  send(delta: StreamDelta) {
    this.onmessage?.({ data: JSON.stringify(delta) } as MessageEvent);
  }
}

const counts = (first: number, seq: number): StreamDelta => ({
  kind: 'counts', seq, first, at: '2021-04-06T07:02:00.000Z', since: '2021-04-06T07:02:00.000Z', cells: [['pronote', 'paris', 'login', 26_955_482, seq - first + 1, 1]],
});

describe('createLiveConnection', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    FakeSource.opened = [];
  });
  afterEach(() => vi.useRealTimers());

  test('resumes the stream at the state’s seq when a state read lands inside a counts frame', () => {
    let current = 100;
    const applied: StreamDelta[] = [];
    const connection = createLiveConnection({
      fluxUrl: (seq) => `/api/flux?after=${seq}`,
      stateUrl: '/api/etat',
      currentSeq: () => current,
      onDeltas: (deltas) => applied.push(...deltas),
      onState: () => {},
      EventSource: FakeSource as unknown as new (url: string) => EventSource,
      fetch: () => new Promise<Response>(() => {}),
      random: () => 0,
    });
    connection.start();
    const first = FakeSource.opened[0] as FakeSource;
    expect(first.url).toBe('/api/flux?after=100');
    first.onopen?.(new Event('open'));
    first.send(counts(101, 110));
    vi.advanceTimersByTime(APPLY_EVERY_MS);
    expect(applied.map((d) => d.seq)).toEqual([110]);
    // A refreshed state now reflects everything up to 115; the next frame folds 111–120.
    current = 115;
    first.send(counts(111, 120));
    vi.advanceTimersByTime(APPLY_EVERY_MS);
    expect(applied.map((d) => d.seq)).toEqual([110]);
    expect(first.closed).toBe(true);
    const second = FakeSource.opened[1] as FakeSource;
    expect(second.url).toBe('/api/flux?after=115');
    second.onopen?.(new Event('open'));
    second.send(counts(116, 120));
    vi.advanceTimersByTime(APPLY_EVERY_MS);
    expect(applied.map((d) => d.seq)).toEqual([110, 120]);
    connection.stop();
  });
});
