import { afterAll, describe, expect, test } from 'vitest';
import { getDb } from '@/lib/db/client';
import { applyIncidentChanges } from '@/lib/db/incidents';
import type { Incident } from '@/lib/detect/incidents';

// A detection pass replayed over 2018 (npm run detect:run, the demo): académies joining must carry the pass's time.
const start = Date.parse('2018-11-20T08:00:00Z');
const ids: string[] = [];
afterAll(async () => {
  await getDb().incidentEvent.deleteMany({ where: { incidentId: { in: ids } } });
  await getDb().incidentAcademy.deleteMany({ where: { incidentId: { in: ids } } });
  await getDb().incident.deleteMany({ where: { id: { in: ids } } });
});

const detected = (scopes: string[]): Incident => ({
  platformId: 'ent-hauts-de-france', start, end: null, possibleAt: start, detectedAt: null, level: 'possible', maxScore: 7, scopes,
});

describe('applyIncidentChanges', () => {
  test('an académie joining an open incident is dated by the detection pass, not the wall clock', async () => {
    const [id] = await applyIncidentChanges(getDb(), [{ kind: 'create', detected: detected(['lille']) }], start + 60_000);
    ids.push(id ?? '');
    const passAt = start + 20 * 60_000;
    await applyIncidentChanges(getDb(), [{ kind: 'update', id: id ?? '', detected: detected(['lille', 'amiens']), joined: ['amiens'], raised: false, closed: false, reopened: false }], passAt);
    const academies = await getDb().incidentAcademy.findMany({ where: { incidentId: id }, orderBy: { academyId: 'asc' } });
    expect(academies.map((a) => [a.academyId, a.joinedAt.getTime()])).toEqual([['amiens', passAt], ['lille', start]]);
  });
});
