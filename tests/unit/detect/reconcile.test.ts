import { describe, expect, test } from 'vitest';
import type { Incident } from '@/lib/detect/incidents';
import { reconcileIncidents, type PersistedIncident } from '@/lib/detect/reconcile';

const MIN = 60_000;
const T0 = Date.parse('2021-04-06T07:00:00Z');
const gap = 20 * MIN;

function detected(overrides: Partial<Incident> = {}): Incident {
  return { platformId: 'cned', start: T0, end: null, possibleAt: T0 + MIN, detectedAt: T0 + 2 * MIN, level: 'detected', maxScore: 12, scopes: ['national'], ...overrides };
}

function stored(overrides: Partial<PersistedIncident> = {}): PersistedIncident {
  return { id: 'i1', platformId: 'cned', state: 'open', level: 'possible', startedAt: T0, endedAt: null, scopes: ['national'], ...overrides };
}

describe('reconcileIncidents', () => {
  test('creates an incident for a new detection', () => {
    expect(reconcileIncidents({ persisted: [], detected: [detected()], now: T0 + 5 * MIN, mergeGapMs: gap })).toEqual([
      { kind: 'create', detected: detected() },
    ]);
  });

  test('updates the stored incident: académies joining, level raised, then closed', () => {
    const d = detected({ scopes: ['national', 'paris'], end: T0 + 60 * MIN });
    const [change] = reconcileIncidents({ persisted: [stored()], detected: [d], now: T0 + 90 * MIN, mergeGapMs: gap });
    expect(change).toMatchObject({ kind: 'update', id: 'i1', joined: ['paris'], raised: true, closed: true, reopened: false });
  });

  test('makes no change when nothing moved (idempotent runs)', () => {
    const persisted = stored({ level: 'detected' });
    expect(reconcileIncidents({ persisted: [persisted], detected: [detected()], now: T0 + 5 * MIN, mergeGapMs: gap })).toEqual([]);
  });

  test('leaves dismissed incidents alone and does not recreate them', () => {
    const changes = reconcileIncidents({ persisted: [stored({ state: 'dismissed' })], detected: [detected()], now: T0 + 5 * MIN, mergeGapMs: gap });
    expect(changes).toEqual([]);
  });

  test('closes an open incident no detection supports any more', () => {
    const changes = reconcileIncidents({ persisted: [stored()], detected: [], now: T0 + 300 * MIN, mergeGapMs: gap });
    expect(changes).toEqual([{ kind: 'close', id: 'i1', at: T0 + 300 * MIN }]);
  });

  test('a detection on another platform or far in time is a new incident', () => {
    const other = detected({ platformId: 'pronote' });
    const later = detected({ start: T0 + 5 * 60 * MIN });
    const changes = reconcileIncidents({ persisted: [stored({ endedAt: T0 + 30 * MIN, state: 'closed' })], detected: [other, later], now: T0 + 6 * 60 * MIN, mergeGapMs: gap });
    expect(changes.map((c) => c.kind)).toEqual(['create', 'create']);
  });
});
