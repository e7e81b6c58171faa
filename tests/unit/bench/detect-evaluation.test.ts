import { describe, test, expect } from 'vitest';
import { matchIncidents, quantile } from '@/bench/lib/detect-eval/evaluation';
import type { Incident } from '@/lib/detect/incidents';

const MIN = 60_000;
const OPTIONS = {
  windowEnd: 1000 * MIN,
  startSlackMs: 10 * MIN,
  endSlackMs: 30 * MIN,
  decisionLagMs: MIN,
};

function incident(
  platformId: string,
  scopes: string[],
  start: number,
  end: number | null,
): Incident {
  return {
    platformId,
    scopes,
    start: start * MIN,
    end: end === null ? null : end * MIN,
    possibleAt: (start + 2) * MIN,
    detectedAt: null,
    level: 'possible',
    maxScore: 7,
  };
}

const truth = {
  id: 'o1',
  platformId: 'pronote',
  academies: ['paris'],
  start: 100 * MIN,
  end: 160 * MIN,
  extraPerMinute: 5,
};

describe('matchIncidents', () => {
  test.each([
    ['same platform, scope and time', incident('pronote', ['paris'], 101, 165), 1],
    ['the platform-wide series', incident('pronote', ['national'], 99, 150), 1],
    ['another académie', incident('pronote', ['lyon'], 101, 165), 0],
    ['another platform', incident('ecoledirecte', ['paris'], 101, 165), 0],
    ['long after the outage', incident('pronote', ['paris'], 300, 320), 0],
  ])('matches an incident on %s: %i', (_, found, expected) => {
    const { outcomes, unmatched } = matchIncidents({
      incidents: [found],
      truths: [truth],
      options: OPTIONS,
    });
    expect(outcomes[0]?.incidents).toHaveLength(expected);
    expect(unmatched).toHaveLength(1 - expected);
  });

  test('measures delays from onset to the end of the deciding bucket, and start/end errors', () => {
    const { outcomes } = matchIncidents({
      incidents: [incident('pronote', ['paris'], 101, 165)],
      truths: [truth],
      options: OPTIONS,
    });
    expect(outcomes[0]).toMatchObject({
      alarmDelayMs: 4 * MIN,
      detectedDelayMs: null,
      startErrorMs: MIN,
      endErrorMs: 5 * MIN,
    });
  });
});

describe('quantile', () => {
  test.each([
    [[3, 1, 2], 0.5, 2],
    [[1, 2, 3, 4], 0.5, 2.5],
    [[1, 2, 3, 4, 5], 0.95, 4.8],
    [[], 0.5, null],
  ])('of %j at %f is %s', (values, q, expected) => {
    const result = quantile(values, q);
    if (expected === null) expect(result).toBeNull();
    else expect(result).toBeCloseTo(expected, 10);
  });
});
