import { describe, expect, test } from 'vitest';
import { nginxConfig } from '@/bench/lib/instances';
import { surgeSchedule } from '@/bench/lib/surge-schedule';

describe('surgeSchedule', () => {
  test('ramps linearly to the peak rate, then holds it', () => {
    const { total, dueMs } = surgeSchedule({ peak: 1500, rampSeconds: 60, holdSeconds: 60 });
    expect(total).toBe(45_000 + 90_000);
    const sentBefore = (ms: number) => {
      let lo = 0;
      let hi = total;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (dueMs(mid) < ms) lo = mid + 1;
        else hi = mid;
      }
      return lo;
    };
    expect(sentBefore(31_000) - sentBefore(30_000)).toBeGreaterThan(745);
    expect(sentBefore(31_000) - sentBefore(30_000)).toBeLessThan(790);
    expect(sentBefore(60_000)).toBe(45_000);
    expect(sentBefore(91_000) - sentBefore(90_000)).toBe(1500);
    expect(dueMs(total - 1)).toBeLessThan(120_000);
  });
});

describe('nginxConfig', () => {
  test('balances over every instance, streams the live feed unbuffered, keeps the client address', () => {
    const conf = nginxConfig({ dir: '/tmp/x', port: 8080, upstreams: [3001, 3002, 3003] });
    for (const port of [3001, 3002, 3003]) expect(conf).toContain(`server 127.0.0.1:${port} `);
    expect(conf).toContain('listen 127.0.0.1:8080');
    expect(conf).toMatch(/location = \/api\/flux \{[^}]*proxy_buffering off;/);
    expect(conf).toContain('proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;');
    expect(conf).not.toContain('non_idempotent');
  });
});
