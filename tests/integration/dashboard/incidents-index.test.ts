import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { getDb } from '@/lib/db/client';
import { INCIDENTS_PER_PAGE, loadIncidentsIndex } from '@/lib/dashboard/load-incidents-index';

const db = getDb();
const START = Date.parse('2012-10-02T08:00:00Z');
const IDS = Array.from({ length: INCIDENTS_PER_PAGE + 3 }, () => randomUUID());
const PERIOD = { de: '2012-10-02T00:00', a: '2012-10-04T00:00' };

beforeAll(async () => {
  for (const [i, id] of IDS.entries()) {
    await db.incident.create({
      data: { id, platformId: i % 2 ? 'pronote' : 'ecoledirecte', scope: 'academies', level: i % 3 ? 'detected' : 'possible', state: 'closed', startedAt: new Date(START + i * 60_000), endedAt: new Date(START + i * 60_000 + 600_000), academies: { create: [{ academyId: 'lille', joinedAt: new Date(START), level: 'detected' }] } },
    });
  }
});

afterAll(async () => {
  await db.incidentAcademy.deleteMany({ where: { incidentId: { in: IDS } } });
  await db.incident.deleteMany({ where: { id: { in: IDS } } });
});

describe('loadIncidentsIndex (/incidents)', () => {
  test('newest first, a page at a time, the next page continuing where the first stopped', async () => {
    const first = await loadIncidentsIndex(PERIOD);
    expect(first.issues).toEqual([]);
    expect(first.items.map((i) => i.id)).toEqual([...IDS].reverse().slice(0, INCIDENTS_PER_PAGE));
    const second = await loadIncidentsIndex({ ...PERIOD, curseur: first.nextCursor ?? '' });
    expect(second.items.map((i) => i.id)).toEqual([...IDS].reverse().slice(INCIDENTS_PER_PAGE));
    expect(second.nextCursor).toBeNull();
  });

  test('filters by service, level and académie', async () => {
    const page = await loadIncidentsIndex({ ...PERIOD, plateforme: 'pronote', niveau: 'possible', academie: 'lille' });
    expect(page.items.length).toBeGreaterThan(0);
    expect(page.items.every((i) => i.platformId === 'pronote' && i.level === 'possible')).toBe(true);
  });

  test('bad filters become French messages with their codes, never an error page', async () => {
    const page = await loadIncidentsIndex({ ...PERIOD, niveau: 'grave', plateforme: 'inconnu-ici', utm_source: 'x' });
    expect(page.items).toEqual([]);
    expect(page.issues.map((i) => i.code)).toEqual(['level_invalid']);
    expect((await loadIncidentsIndex({ plateforme: 'inconnu-ici' })).issues.map((i) => i.code)).toEqual(['platform_unknown']);
    expect((await loadIncidentsIndex({ de: 'hier' })).issues[0]?.message).toMatch(/^Début invalide/);
  });
});
