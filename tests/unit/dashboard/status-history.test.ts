import { describe, expect, test } from 'vitest';
import { statusHistory, type IncidentSpan } from '@/lib/dashboard/status-history';

const M = 60_000;
const W = { from: 0, to: 1000 * M };
const span = (over: Partial<IncidentSpan>): IncidentSpan => ({ level: 'detected', state: 'closed', startedAt: 100 * M, detectedAt: 110 * M, endedAt: 200 * M, ...over });

describe('statusHistory', () => {
  test('a detected incident is perturbé until confirmed, then en panne', () => {
    expect(statusHistory([span({})], W, 900 * M)).toEqual([
      { status: 'degraded', from: 100 * M, to: 110 * M },
      { status: 'outage', from: 110 * M, to: 200 * M },
    ]);
  });

  test('a possible incident is perturbé throughout; an open one runs to now', () => {
    expect(statusHistory([span({ level: 'possible', state: 'open', endedAt: null, detectedAt: 105 * M })], W, 300 * M)).toEqual([
      { status: 'degraded', from: 100 * M, to: 300 * M },
    ]);
  });

  test('overlaps keep the worst level; dismissed and merged incidents do not count', () => {
    const out = statusHistory(
      [
        span({ level: 'possible', startedAt: 50 * M, detectedAt: 50 * M, endedAt: 150 * M }),
        span({ startedAt: 120 * M, detectedAt: 120 * M, endedAt: 130 * M }),
        span({ state: 'dismissed', startedAt: 0, detectedAt: 0, endedAt: 999 * M }),
        span({ state: 'merged', startedAt: 0, detectedAt: 0, endedAt: 999 * M }),
      ],
      W,
      900 * M,
    );
    expect(out).toEqual([
      { status: 'degraded', from: 50 * M, to: 120 * M },
      { status: 'outage', from: 120 * M, to: 130 * M },
      { status: 'degraded', from: 130 * M, to: 150 * M },
    ]);
  });

  test('clips to the window and joins touching intervals of the same level', () => {
    const out = statusHistory(
      [span({ level: 'possible', startedAt: 10 * M, endedAt: 60 * M }), span({ level: 'possible', startedAt: 60 * M, endedAt: 90 * M })],
      { from: 30 * M, to: 80 * M },
      900 * M,
    );
    expect(out).toEqual([{ status: 'degraded', from: 30 * M, to: 80 * M }]);
  });
});
