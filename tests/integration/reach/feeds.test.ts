import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { GET as allFeed } from '@/app/incidents.atom/route';
import { GET as academyFeed } from '@/app/academies/[id]/incidents.atom/route';
import { GET as platformFeed } from '@/app/plateformes/[id]/incidents.atom/route';
import { getDb } from '@/lib/db/client';
import { parseAtom } from '../../helpers/atom';

const db = getDb();
const id = randomUUID();
const START = new Date('2015-04-06T07:02:00Z');
const ctx = (value: string) => ({ params: Promise.resolve({ id: value }) });
const req = (path: string) => new Request(`http://localhost:3000${path}`);

beforeAll(async () => {
  await db.incident.create({
    data: { id, platformId: 'skolengo', scope: 'academies', level: 'detected', state: 'closed', startedAt: START, detectedAt: START, endedAt: new Date(START.getTime() + 3_600_000), reporterCount: 42, reportCount: 50 },
  });
  await db.incidentAcademy.create({ data: { incidentId: id, academyId: 'nantes', joinedAt: START, level: 'detected' } });
});

afterAll(async () => {
  await db.incidentAcademy.deleteMany({ where: { incidentId: id } });
  await db.incident.deleteMany({ where: { id } });
});

describe('Atom feeds of incidents', () => {
  test('the service feed is valid Atom and lists its incident with a link to its page', async () => {
    const res = await platformFeed(req('/plateformes/skolengo/incidents.atom'), ctx('skolengo'));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/atom+xml; charset=utf-8');
    expect(res.headers.get('cache-control')).toMatch(/max-age=60/);
    const feed = parseAtom(await res.text());
    const entry = feed.entries.find((e) => e.id === `urn:uuid:${id}`);
    expect(entry?.title).toMatch(/Skolengo\u00a0: panne détectée — Nantes/);
    expect(entry?.links[0]).toMatch(new RegExp(`/incidents/${id}$`));
  });

  test('the académie feed and the site-wide feed include it; English on ?langue=en', async () => {
    const academy = parseAtom(await (await academyFeed(req('/academies/nantes/incidents.atom?langue=en'), ctx('nantes'))).text());
    expect(academy.title).toBe('École en panne — incidents in the Nantes académie');
    expect(academy.entries.map((e) => e.id)).toContain(`urn:uuid:${id}`);
    const all = await allFeed(req('/incidents.atom'), undefined);
    expect(all.status).toBe(200);
    expect(parseAtom(await all.text()).title).toBe('École en panne — incidents');
  });

  test('an unknown or malformed service or académie is a 404 with the JSON error, never a 500', async () => {
    for (const [handler, value] of [
      [platformFeed, 'inconnu'],
      [academyFeed, 'atlantide'],
      [platformFeed, '%00'],
      [academyFeed, "x'; drop table incident; --"],
    ] as const) {
      const res = await handler(req('/x'), ctx(value));
      expect(res.status).toBe(404);
      expect((await res.json()) as unknown).toMatchObject({ error: { code: 'not_found' } });
    }
  });
});
