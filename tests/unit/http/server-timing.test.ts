import { describe, expect, test } from 'vitest';
import { createSpans, parseServerTiming } from '@/lib/http/server-timing';

describe('createSpans', () => {
  test('each mark closes a stage since the previous one; app is the whole time', () => {
    let now = 100;
    const spans = createSpans(100, () => now);
    now = 101.5;
    spans.mark('body');
    now = 140;
    spans.mark('batch');
    now = 141;
    expect(spans.header()).toBe('body;dur=1.5, batch;dur=38.5, app;dur=41.0');
  });
});

describe('parseServerTiming', () => {
  test('reads the durations by name and skips what it cannot read', () => {
    expect(parseServerTiming('body;dur=1.5, batch;dur=38.5, app;dur=41.0, loop;dur=12')).toEqual({ body: 1.5, batch: 38.5, app: 41, loop: 12 });
    expect(parseServerTiming('cache;desc="hit", db;dur=abc, x;dur=2')).toEqual({ x: 2 });
    expect(parseServerTiming(undefined)).toEqual({});
  });
});
