import { randomUUID } from 'node:crypto';
import { XMLParser } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { GET as platformBadge } from '@/app/badges/[platform]/route';
import { GET as academyBadge } from '@/app/badges/[platform]/[academy]/route';
import { getDb } from '@/lib/db/client';
import { invalidateMapState } from '@/lib/map-state/runtime';

const db = getDb();
const id = randomUUID();
const label = async (res: Response) => (new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@' }).parse(await res.text()) as { svg: Record<string, string> }).svg['@aria-label'];
const req = (path: string, headers: Record<string, string> = {}) => new Request(`http://localhost:3000${path}`, { headers });

beforeAll(async () => {
  const startedAt = new Date(Date.now() - 20 * 60_000);
  await db.incident.create({ data: { id, platformId: 'monlycee-net', scope: 'academies', level: 'detected', state: 'open', startedAt, detectedAt: startedAt } });
  await db.incidentAcademy.create({ data: { incidentId: id, academyId: 'creteil', joinedAt: startedAt, level: 'detected' } });
  invalidateMapState();
});

afterAll(async () => {
  await db.incidentAcademy.deleteMany({ where: { incidentId: id } });
  await db.incident.deleteMany({ where: { id } });
  invalidateMapState();
});

describe('SVG status badges', () => {
  test('a service in outage in one académie: « en panne » there, cacheable, accessible', async () => {
    const res = await academyBadge(req('/badges/monlycee-net/creteil.svg'), { params: Promise.resolve({ platform: 'monlycee-net', academy: 'creteil.svg' }) });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/svg+xml; charset=utf-8');
    expect(res.headers.get('cache-control')).toMatch(/public, max-age=60/);
    expect(await label(res)).toMatch(/\u00a0: en panne$/);
    const versailles = await academyBadge(req('/badges/monlycee-net/versailles.svg'), { params: Promise.resolve({ platform: 'monlycee-net', academy: 'versailles.svg' }) });
    expect(await label(versailles)).toMatch(/\u00a0: fonctionne$/);
  });

  test('the service badge, in English on ?langue=en, answers 304 to its own ETag', async () => {
    const params = { params: Promise.resolve({ platform: 'monlycee-net.svg' }) };
    const res = await platformBadge(req('/badges/monlycee-net.svg?langue=en'), params);
    expect(await label(res)).toMatch(/: (down|disrupted)$/);
    const again = await platformBadge(req('/badges/monlycee-net.svg?langue=en', { 'if-none-match': res.headers.get('etag') ?? '' }), params);
    expect(again.status).toBe(304);
  });

  test('a regional service outside its region says so instead of « fonctionne »', async () => {
    const res = await academyBadge(req('/badges/monlycee-net/lyon.svg'), { params: Promise.resolve({ platform: 'monlycee-net', academy: 'lyon.svg' }) });
    expect(await label(res)).toMatch(/non utilisé ici$/);
  });

  test('unknown service, académie or file name: 404 JSON, never a 500', async () => {
    const cases: Array<[string, string | null]> = [['inconnu.svg', null], ['monlycee-net.png', null], ['%ff.svg', null], ['monlycee-net', 'atlantide.svg'], ['monlycee-net', 'creteil']];
    for (const [platform, academy] of cases) {
      const res = academy
        ? await academyBadge(req('/x'), { params: Promise.resolve({ platform, academy }) })
        : await platformBadge(req('/x'), { params: Promise.resolve({ platform }) });
      expect(res.status, `${platform}/${academy}`).toBe(404);
    }
  });
});
