import { describe, expect, test } from 'vitest';
import { gateDetected } from '@/lib/detect/network-gate';
import type { Episode } from '@/lib/detect/types';

const T = Date.parse('2021-04-06T07:00:00Z');
const MIN = 60_000;

const detected: Episode = {
  start: T,
  possibleAt: T + 2 * MIN,
  detectedAt: T + 4 * MIN,
  end: null,
  peakT: T + 5 * MIN,
  peakCount: 40,
  level: 'detected',
  reporters: 120,
  maxScore: 30,
};

describe('gateDetected', () => {
  test('an episode whose reporters come from too few networks is only possible', () => {
    expect(gateDetected(detected, null)).toMatchObject({ level: 'possible', detectedAt: null, possibleAt: T + 2 * MIN });
  });

  test('a detected episode without a possible step keeps a possible time', () => {
    expect(gateDetected({ ...detected, possibleAt: null }, null)).toMatchObject({ level: 'possible', possibleAt: T + 4 * MIN });
  });

  test('detection waits for the minute the last required network arrived', () => {
    expect(gateDetected(detected, T + 9 * MIN)).toMatchObject({ level: 'detected', detectedAt: T + 9 * MIN });
    expect(gateDetected(detected, T + MIN)).toMatchObject({ level: 'detected', detectedAt: T + 4 * MIN });
  });

  test('possible episodes are left alone', () => {
    const possible: Episode = { ...detected, level: 'possible', detectedAt: null };
    expect(gateDetected(possible, null)).toBe(possible);
  });
});
