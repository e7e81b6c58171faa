import { describe, expect, test } from 'vitest';
import { recordIntake, summarizeIntake } from '@/lib/http/intake-stats';

describe('summarizeIntake', () => {
  test('is degraded when many intake requests were refused or cut off in the last minute, then recovers', () => {
    const t0 = 5_000_000_000_000;
    for (let i = 0; i < 100; i++) recordIntake('accepted', t0);
    expect(summarizeIntake(t0).degraded).toBe(false);
    for (let i = 0; i < 30; i++) recordIntake(i % 2 ? 'timeout' : 'refused_source', t0 + 1000);
    const during = summarizeIntake(t0 + 2000);
    expect(during.degraded).toBe(true);
    expect(during.lastMinute).toMatchObject({ accepted: 100, timeout: 15, refused_source: 15 });
    expect(summarizeIntake(t0 + 62_000).degraded).toBe(false);
  });

  test('a few refusals among much traffic are not a degradation', () => {
    const t0 = 6_000_000_000_000;
    for (let i = 0; i < 1000; i++) recordIntake('accepted', t0);
    for (let i = 0; i < 25; i++) recordIntake('shed', t0);
    expect(summarizeIntake(t0).degraded).toBe(false);
  });
});

describe('summarizeIntake: legitimate intake suffering', () => {
  test('reports the app failed (5xx) make intake degraded', () => {
    const t0 = 7_000_000_000_000;
    for (let i = 0; i < 50; i++) recordIntake('accepted', t0);
    for (let i = 0; i < 20; i++) recordIntake('failed', t0);
    const summary = summarizeIntake(t0);
    expect(summary.degraded).toBe(true);
    expect(summary.lastMinute).toMatchObject({ accepted: 50, failed: 20 });
  });

  test('accepted but slow reports make intake degraded, a few slow ones do not', () => {
    const t0 = 8_000_000_000_000;
    for (let i = 0; i < 200; i++) recordIntake('accepted', t0);
    for (let i = 0; i < 5; i++) recordIntake('slow', t0);
    expect(summarizeIntake(t0).degraded).toBe(false);
    for (let i = 0; i < 40; i++) recordIntake('slow', t0 + 1000);
    expect(summarizeIntake(t0 + 1000)).toMatchObject({ degraded: true, lastMinute: { accepted: 200, slow: 45 } });
  });
});
