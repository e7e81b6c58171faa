import { describe, expect, test } from 'vitest';
import { advance, instantAtStep, LruCache, prefetchInstants, replayWindow, stepCount, stepIndex } from '@/lib/map-view/replay';

const MIN = 60_000;
const NOW = Date.parse('2024-03-12T10:17:42Z');
const NOW_MIN = Date.parse('2024-03-12T10:17:00Z');

describe('replayWindow', () => {
  test('spans the last 24 hours up to now when the instant is in them', () => {
    const w = replayWindow({ at: NOW - 3 * 3_600_000, range: '24h', now: NOW });
    expect(w).toEqual({ start: NOW_MIN - 1440 * MIN, end: NOW_MIN, stepMs: 5 * MIN });
    expect(stepCount(w)).toBe(288);
  });

  test('spans the last 7 days in 30-minute steps', () => {
    const w = replayWindow({ at: NOW - 3 * 86_400_000, range: '7j', now: NOW });
    expect(w.end - w.start).toBe(7 * 86_400_000);
    expect(stepCount(w)).toBe(336);
  });

  test('centres on a chosen day in the past', () => {
    const at = Date.parse('2021-04-06T07:02:00Z');
    const w = replayWindow({ at, range: '24h', now: NOW });
    expect(new Date(w.start).toISOString()).toBe('2021-04-05T19:00:00.000Z');
    expect(new Date(w.end).toISOString()).toBe('2021-04-06T19:00:00.000Z');
    expect(at).toBeGreaterThan(w.start);
  });

  test('never reaches past now for an instant just before the range', () => {
    const w = replayWindow({ at: NOW - 25 * 3_600_000, range: '24h', now: NOW });
    expect(w.end).toBeLessThanOrEqual(NOW_MIN);
  });
});

describe('slider steps', () => {
  const w = { start: 0, end: 60 * MIN, stepMs: 5 * MIN };
  test('maps instants to the nearest step, clamped to the window', () => {
    expect(stepIndex(7 * MIN, w)).toBe(1);
    expect(stepIndex(8 * MIN, w)).toBe(2);
    expect(stepIndex(-MIN, w)).toBe(0);
    expect(stepIndex(99 * MIN, w)).toBe(12);
  });
  test('maps steps back to instants, never after the end', () => {
    expect(instantAtStep(3, w)).toBe(15 * MIN);
    expect(instantAtStep(13, w)).toBe(60 * MIN);
    expect(instantAtStep(-2, w)).toBe(0);
  });
});

describe('advance', () => {
  const w = { start: 0, end: 60 * MIN, stepMs: 5 * MIN };
  test('moves by `speed` minutes per second of playback, on whole minutes', () => {
    expect(advance(10 * MIN + 20_000, 1, w)).toEqual({ at: 11 * MIN, done: false });
    expect(advance(10 * MIN, 15, w)).toEqual({ at: 25 * MIN, done: false });
    expect(advance(10 * MIN, 5, w, 500)).toEqual({ at: 12 * MIN, done: false });
  });
  test('moves at least one minute per tick', () => {
    expect(advance(0, 1, w, 100)).toEqual({ at: MIN, done: false });
  });
  test('stops at the end of the window', () => {
    expect(advance(50 * MIN, 15, w)).toEqual({ at: 60 * MIN, done: true });
    expect(advance(60 * MIN, 1, w)).toEqual({ at: 60 * MIN, done: true });
  });
});

describe('prefetchInstants', () => {
  const w = { start: 0, end: 60 * MIN, stepMs: 5 * MIN };
  test('lists the next instants playback will show', () => {
    expect(prefetchInstants(0, 5, w, 3)).toEqual([5 * MIN, 10 * MIN, 15 * MIN]);
  });
  test('stops at the end of the window', () => {
    expect(prefetchInstants(50 * MIN, 5, w, 5)).toEqual([55 * MIN, 60 * MIN]);
    expect(prefetchInstants(60 * MIN, 5, w, 5)).toEqual([]);
  });
});

describe('LruCache', () => {
  test('evicts the least recently used entry', () => {
    const cache = new LruCache<number>(2);
    cache.set('a', 1);
    cache.set('b', 2);
    expect(cache.get('a')).toBe(1);
    cache.set('c', 3);
    expect(cache.has('b')).toBe(false);
    expect(cache.has('a')).toBe(true);
    expect(cache.size).toBe(2);
  });
});
