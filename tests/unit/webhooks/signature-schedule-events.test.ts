import { describe, expect, test } from 'vitest';
import { matchesSubscription, webhookEventOf } from '@/lib/webhooks/events';
import { DISABLE_AFTER_FAILURES, nextAttemptAt, RETRY_WINDOW_MS, shouldDisable } from '@/lib/webhooks/schedule';
import { signPayload, verifySignature } from '@/lib/webhooks/signature';

describe('signPayload / verifySignature', () => {
  const body = '{"type":"incident.opened"}';
  test('a subscriber verifies the header with its secret', () => {
    const header = signPayload('whsec_a', body, 1_617_692_520);
    expect(header).toMatch(/^t=1617692520,v1=[0-9a-f]{64}$/);
    expect(verifySignature({ secret: 'whsec_a', body, header, nowSeconds: 1_617_692_530 })).toBe(true);
  });
  test('another secret, a changed body, a changed time or an old header fail', () => {
    const header = signPayload('whsec_a', body, 1_617_692_520);
    expect(verifySignature({ secret: 'whsec_b', body, header, nowSeconds: 1_617_692_520 })).toBe(false);
    expect(verifySignature({ secret: 'whsec_a', body: `${body} `, header, nowSeconds: 1_617_692_520 })).toBe(false);
    expect(verifySignature({ secret: 'whsec_a', body, header: header.replace('t=1617692520', 't=1617692521'), nowSeconds: 1_617_692_520 })).toBe(false);
    expect(verifySignature({ secret: 'whsec_a', body, header, nowSeconds: 1_617_692_520 + 301 })).toBe(false);
    expect(verifySignature({ secret: 'whsec_a', body, header: 'garbage', nowSeconds: 1_617_692_520 })).toBe(false);
  });
});

describe('nextAttemptAt', () => {
  const created = 0;
  test('doubles from 30 s, at most 4 h apart', () => {
    const gaps = [1, 2, 3, 4, 10, 11, 12].map((attempts) => (nextAttemptAt({ attempts, createdAt: created, now: 1_000 }) ?? 0) - 1_000);
    expect(gaps).toEqual([30_000, 60_000, 120_000, 240_000, 4 * 3_600_000, 4 * 3_600_000, 4 * 3_600_000]);
  });
  test('never past 24 h after the event, then gives up', () => {
    expect(nextAttemptAt({ attempts: 14, createdAt: created, now: RETRY_WINDOW_MS - 60_000 })).toBe(RETRY_WINDOW_MS);
    expect(nextAttemptAt({ attempts: 15, createdAt: created, now: RETRY_WINDOW_MS })).toBeNull();
  });
  test('a subscription is switched off after repeated failures', () => {
    expect(shouldDisable(DISABLE_AFTER_FAILURES - 1)).toBe(false);
    expect(shouldDisable(DISABLE_AFTER_FAILURES)).toBe(true);
  });
});

describe('matchesSubscription', () => {
  const all = ['opened', 'level_changed', 'academy_joined', 'closed'];
  const regional = { platformId: 'monlycee-net', national: false, academies: ['creteil', 'paris'] };
  test.each([
    [{ platformIds: [], academyIds: [], events: all }, 'opened', regional, null, true],
    [{ platformIds: ['pronote'], academyIds: [], events: all }, 'opened', regional, null, false],
    [{ platformIds: [], academyIds: ['lyon'], events: all }, 'opened', regional, null, false],
    [{ platformIds: [], academyIds: ['paris'], events: all }, 'closed', regional, null, true],
    [{ platformIds: [], academyIds: ['lyon'], events: all }, 'opened', { ...regional, national: true }, null, true],
    [{ platformIds: [], academyIds: ['creteil'], events: all }, 'academy_joined', regional, 'paris', false],
    [{ platformIds: [], academyIds: ['paris'], events: all }, 'academy_joined', regional, 'paris', true],
    [{ platformIds: [], academyIds: [], events: ['closed'] }, 'opened', regional, null, false],
  ] as const)('%j hears %s: %s', (filter, event, incident, joined, expected) => {
    expect(matchesSubscription(filter, event, incident, joined)).toBe(expected);
  });
  test('maps timeline kinds to events', () => {
    expect(['started', 'detected', 'academy_joined', 'closed', 'dismissed', 'peak', 'annotated'].map(webhookEventOf)).toEqual(['opened', 'level_changed', 'academy_joined', 'closed', 'closed', null, null]);
  });
});
