import { describe, expect, test } from 'vitest';
import { afterStreamFailure, jittered, LIVE_RETRY_MAX_MS, liveRetryDelayMs, POLL_AFTER_FAILURES } from '@/lib/live-client/backoff';
import { busReconnectDelayMs, RECONNECT_MAX_MS } from '@/lib/live/reconnect';
import { fluxUrlFor, stateUrlFor } from '@/lib/live-client/urls';

describe('liveRetryDelayMs', () => {
  test.each([
    [1, 0, 500],
    [1, 1, 1_000],
    [2, 0.5, 1_500],
    [4, 0, 4_000],
    [10, 0, LIVE_RETRY_MAX_MS / 2],
    [10, 1, LIVE_RETRY_MAX_MS],
    [1_000, 1, LIVE_RETRY_MAX_MS],
  ])('failure %i with random %f waits %i ms', (failures, random, expected) => {
    expect(liveRetryDelayMs(failures, () => random)).toBe(expected);
  });

  test('spreads the reconnections of many viewers (jitter) over half the window', () => {
    const delays = Array.from({ length: 100 }, (_, i) => liveRetryDelayMs(5, () => i / 100));
    expect(new Set(delays).size).toBe(100);
    expect(Math.min(...delays)).toBeGreaterThanOrEqual(8_000);
    expect(Math.max(...delays)).toBeLessThanOrEqual(16_000);
  });
});

describe('afterStreamFailure', () => {
  test('keeps retrying the stream, and polls the state once it failed several times in a row', () => {
    expect(afterStreamFailure(1, () => 0).poll).toBe(false);
    expect(afterStreamFailure(POLL_AFTER_FAILURES - 1, () => 0).poll).toBe(false);
    expect(afterStreamFailure(POLL_AFTER_FAILURES, () => 0)).toEqual({ poll: true, retryInMs: liveRetryDelayMs(POLL_AFTER_FAILURES, () => 0) });
  });
});

describe('jittered', () => {
  test('stays within base ± spread / 2 and never goes negative', () => {
    expect(jittered(60_000, 10_000, () => 0)).toBe(55_000);
    expect(jittered(60_000, 10_000, () => 1)).toBe(65_000);
    expect(jittered(100, 1_000, () => 0)).toBe(0);
  });
});

describe('busReconnectDelayMs (server side)', () => {
  test('grows from half a second to 30 s with jitter', () => {
    expect(busReconnectDelayMs(0, () => 0)).toBe(250);
    expect(busReconnectDelayMs(0, () => 1)).toBe(500);
    expect(busReconnectDelayMs(3, () => 1)).toBe(4_000);
    expect(busReconnectDelayMs(50, () => 1)).toBe(RECONNECT_MAX_MS);
  });
});

describe('live URLs', () => {
  test('the state URL keeps the filters; the stream stays unfiltered unless asked', () => {
    expect(stateUrlFor({ platformId: null, category: null })).toBe('/api/etat');
    expect(stateUrlFor({ platformId: 'cned', category: 'login' })).toBe('/api/etat?plateforme=cned&categorie=login');
    expect(fluxUrlFor(42)).toBe('/api/flux?depuis=42');
    expect(fluxUrlFor(42, 'cned')).toBe('/api/flux?depuis=42&plateforme=cned');
  });
});
