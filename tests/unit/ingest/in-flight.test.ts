import { describe, expect, test } from 'vitest';
import { createInFlightReports } from '@/lib/ingest/in-flight';
import type { PendingReport, PlannedReport } from '@/lib/ingest/plan-batch';

const at = new Date('2021-04-06T07:02:30Z');
let n = 0;

function pending(overrides: Partial<PendingReport> = {}): PendingReport {
  n += 1;
  return {
    id: `id-${n}`,
    platform: 'pronote',
    academy: 'lille',
    category: 'login',
    role: null,
    comment: null,
    observedAt: null,
    idempotencyKey: `key-${n}`,
    fingerprint: `fp-${n}`,
    deviceHash: null,
    network: null,
    powVerified: false,
    website: undefined,
    receivedAt: at,
    ...overrides,
  };
}

const planned = (overrides: Partial<PendingReport> = {}, counted = true): PlannedReport => ({
  ...pending(overrides),
  counted,
  distinctReporter: counted,
  flagReason: null,
});

describe('createInFlightReports', () => {
  test('matches listed reports by source, device or comment, and gives the distinct reporters they count', () => {
    const inFlight = createInFlightReports();
    const bySource = planned({ fingerprint: 'fp-a' });
    const byDevice = planned({ fingerprint: 'fp-x', deviceHash: 'dev-1' });
    const byComment = planned({ fingerprint: 'fp-y', comment: 'Impossible de se connecter depuis 9 h' });
    const unrelated = planned({ fingerprint: 'fp-z' });
    inFlight.add([bySource, byDevice, byComment, unrelated]);
    const match = inFlight.match([pending({ fingerprint: 'fp-a' }), pending({ deviceHash: 'dev-1' }), pending({ comment: 'Impossible de se connecter depuis 9 h' })], at.getTime());
    expect(match.recent.map((r) => r.fingerprint)).toEqual(['fp-a', 'fp-x', 'fp-y']);
    expect(match.reporters).toEqual([
      { key: 'fp-a|pronote', device: '', at: at.getTime() },
      { key: 'fp-x|pronote', device: 'dev-1', at: at.getTime() },
      { key: 'fp-y|pronote', device: '', at: at.getTime() },
    ]);
  });

  test('ignores a listed report with the same idempotency key (a retry is judged like its first attempt)', () => {
    const inFlight = createInFlightReports();
    inFlight.add([planned({ fingerprint: 'fp-r', idempotencyKey: 'same' })]);
    expect(inFlight.match([pending({ fingerprint: 'fp-r', idempotencyKey: 'same' })], at.getTime()).recent).toEqual([]);
  });

  test('keeps stored reports for the grace period, drops failed writes at once', () => {
    const inFlight = createInFlightReports(1000);
    const settleStored = inFlight.add([planned({ fingerprint: 'fp-s' })]);
    const settleFailed = inFlight.add([planned({ fingerprint: 'fp-s' })]);
    const t = at.getTime();
    expect(inFlight.match([pending({ fingerprint: 'fp-s' })], t + 60_000).recent).toHaveLength(2);
    settleStored(true, t);
    settleFailed(false, t);
    expect(inFlight.match([pending({ fingerprint: 'fp-s' })], t + 1000).recent).toHaveLength(1);
    expect(inFlight.match([pending({ fingerprint: 'fp-s' })], t + 1001).recent).toHaveLength(0);
    expect(inFlight.size()).toBe(0);
  });

  test('does not match a stored report past its grace while an older write is still in flight', () => {
    const inFlight = createInFlightReports(1000);
    const t = at.getTime();
    inFlight.add([planned({ fingerprint: 'fp-o' })]);
    const settleLater = inFlight.add([planned({ fingerprint: 'fp-o' })]);
    settleLater(true, t);
    expect(inFlight.match([pending({ fingerprint: 'fp-o' })], t + 1001).recent).toHaveLength(1);
    expect(inFlight.size()).toBe(2);
  });
});
