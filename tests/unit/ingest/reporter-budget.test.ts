import { describe, expect, test } from 'vitest';
import { DEFAULT_REPORTER_BUDGET, isNewReporter, type CountedReporter } from '@/lib/ingest/reporter-budget';
import { SOURCE_FREE_REPORTERS, SOURCE_MAX_REPORTERS } from '@/lib/ingest/thresholds';

const at = Date.parse('2021-04-06T07:30:00Z');
const MIN = 60_000;

function devices(n: number, minutesAgo = 5): CountedReporter[] {
  return Array.from({ length: n }, (_, i) => ({ device: `device-${i}`, at: at - minutesAgo * MIN }));
}

describe('isNewReporter', () => {
  test.each<[string, CountedReporter[], string | null, boolean, boolean]>([
    ['the first report of a source counts', [], null, false, true],
    ['a second tokenless report of the source does not', [{ device: '', at: at - MIN }], null, false, false],
    ['the same device does not count twice', devices(1), 'device-0', true, false],
    ['another device counts while the free budget lasts', devices(SOURCE_FREE_REPORTERS - 1), 'device-new', false, true],
    ['past the free budget, a device without proof of work does not count', devices(SOURCE_FREE_REPORTERS), 'device-new', false, false],
    ['past the free budget, a new device with a proof of work counts', devices(SOURCE_FREE_REPORTERS), 'device-new', true, true],
    ['a proof of work without a device token does not', devices(SOURCE_FREE_REPORTERS), null, true, false],
    ['nothing counts past the ceiling, even with proofs', devices(SOURCE_MAX_REPORTERS), 'device-new', true, false],
    ['reporters older than the window are forgotten', devices(SOURCE_FREE_REPORTERS, 61), 'device-new', false, true],
  ])('%s', (_, counted, deviceHash, powVerified, expected) => {
    expect(isNewReporter({ counted, deviceHash, powVerified, at })).toBe(expected);
  });

  test('one address rotating User-Agents and device tokens adds at most the free budget per hour', () => {
    const counted: CountedReporter[] = [];
    for (let i = 0; i < 500; i += 1) {
      const t = at + i * 7_000;
      if (isNewReporter({ counted, deviceHash: `rotated-${i}`, powVerified: false, at: t })) counted.push({ device: `rotated-${i}`, at: t });
    }
    const perHour = Math.max(...counted.map((c) => counted.filter((o) => o.at > c.at - DEFAULT_REPORTER_BUDGET.windowMs && o.at <= c.at).length));
    expect(perHour).toBe(SOURCE_FREE_REPORTERS);
  });
});
