import { describe, expect, test } from 'vitest';
import type { ChangedIncident } from '@/lib/db/live';
import { incidentEvents, type Announced } from '@/lib/live/incident-events';

const now = new Date('2021-04-06T07:30:00Z');
const t = (m: number) => new Date(now.getTime() + m * 60_000);

function row(over: Partial<ChangedIncident['record']> & { state?: ChangedIncident['state']; updatedAt?: number } = {}): ChangedIncident {
  const { state = 'open', updatedAt = t(-1).getTime(), ...record } = over;
  return {
    record: { id: 'i1', platformId: 'cned', level: 'detected', startedAt: t(-30), detectedAt: t(-25), endedAt: null, national: false, academies: [{ academyId: 'paris', joinedAt: t(-30) }, { academyId: 'lille', joinedAt: t(-10) }], ...record },
    state,
    updatedAt,
    served: ['lille', 'paris', 'versailles'],
  };
}

describe('incidentEvents', () => {
  test('an open incident becomes an incident delta as of now (national ones cover every served académie)', () => {
    const seen: Announced = new Map();
    expect(incidentEvents([row(), row({ id: 'n', national: true, academies: [] })], seen, now)).toEqual([
      { kind: 'incident', incident: { id: 'i1', platformId: 'cned', level: 'detected', startedAt: t(-30).toISOString(), detectedAt: t(-25).toISOString(), endedAt: null, national: false, academies: ['lille', 'paris'] } },
      { kind: 'incident', incident: expect.objectContaining({ id: 'n', national: true, academies: ['lille', 'paris', 'versailles'] }) },
    ]);
  });

  test('a closed incident carries its end, so viewers remove it', () => {
    const [event] = incidentEvents([row({ state: 'closed', endedAt: t(-2) })], new Map(), now);
    expect(event).toMatchObject({ kind: 'incident', incident: { id: 'i1', endedAt: t(-2).toISOString() } });
  });

  test('dismissed or merged incidents ask viewers for one resync', () => {
    const events = incidentEvents([row({ id: 'a', state: 'dismissed' }), row({ id: 'b', state: 'merged' }), row({ id: 'c' })], new Map(), now);
    expect(events.map((e) => e.kind)).toEqual(['incident', 'resync']);
  });

  test('a row read again, or touched without a visible change, is not announced again', () => {
    const seen: Announced = new Map();
    expect(incidentEvents([row()], seen, now)).toHaveLength(1);
    expect(incidentEvents([row()], seen, now)).toEqual([]);
    expect(incidentEvents([row({ updatedAt: t(0).getTime() })], seen, now)).toEqual([]);
    const spread = row({ updatedAt: t(0.5).getTime(), academies: [{ academyId: 'paris', joinedAt: t(-30) }, { academyId: 'versailles', joinedAt: t(-1) }] });
    expect(incidentEvents([spread], seen, now)).toEqual([{ kind: 'incident', incident: expect.objectContaining({ academies: ['paris', 'versailles'] }) }]);
  });
});
