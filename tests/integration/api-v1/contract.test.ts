import { peerHeaderValue } from '@/lib/http/peer';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import Ajv2020 from 'ajv/dist/2020';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import * as academies from '@/app/api/v1/academies/route';
import * as counts from '@/app/api/v1/comptages/route';
import * as etat from '@/app/api/v1/etat/route';
import * as countsExport from '@/app/api/v1/exports/comptages/route';
import * as reportsExport from '@/app/api/v1/exports/signalements/route';
import * as incident from '@/app/api/v1/incidents/[id]/route';
import * as incidents from '@/app/api/v1/incidents/route';
import * as openapi from '@/app/api/v1/openapi.json/route';
import * as platforms from '@/app/api/v1/plateformes/route';
import * as series from '@/app/api/v1/series/route';
import { API_ROUTES, buildOpenApiDocument } from '@/lib/api-v1/openapi';
import { RELATED_ROUTES } from '@/lib/api-v1/related-routes';
import { getDb } from '@/lib/db/client';
import { nextIp } from '../../helpers/requests';

type Handler = (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;
type Schema = Record<string, unknown>;
type Operation = { parameters: Array<{ name: string; in: string; required: boolean; schema: Schema }>; responses: Record<string, { content?: Record<string, { schema: Schema }> }> };

const HANDLERS: Record<string, { GET: unknown; OPTIONS: unknown }> = {
  '/api/v1/plateformes': platforms,
  '/api/v1/academies': academies,
  '/api/v1/etat': etat,
  '/api/v1/series': series,
  '/api/v1/incidents': incidents,
  '/api/v1/incidents/{id}': incident,
  '/api/v1/comptages': counts,
  '/api/v1/exports/comptages': countsExport,
  '/api/v1/exports/signalements': reportsExport,
};

const db = getDb();
const INCIDENT_ID: string = randomUUID();
const START = new Date('2014-02-11T08:10:00Z');
/** A valid query per route (what a client would send), in the suite's own period. */
const GOOD: Record<string, string> = {
  '/api/v1/etat': 'at=2014-02-11T09:30',
  '/api/v1/series': 'plateforme=pronote&de=2014-02-11T08:00&a=2014-02-11T10:00',
  '/api/v1/incidents': 'plateforme=pronote&de=2014-02-11T00:00&a=2014-02-12T00:00&limite=1',
  '/api/v1/comptages': 'plateforme=pronote&de=2014-02-11T08:00&a=2014-02-11T10:00&pas=15min&limite=2',
  '/api/v1/exports/comptages': 'de=2014-02-11T08:00&a=2014-02-11T10:00&format=ndjson',
  '/api/v1/exports/signalements': 'de=2014-02-11T08:00&a=2014-02-11T10:00&format=json',
};

const doc = buildOpenApiDocument() as { openapi: string; paths: Record<string, { get: Operation }> };
const ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: false });

function call(route: string, query: string, id = INCIDENT_ID, headers: Record<string, string> = {}): Promise<Response> {
  const url = `http://localhost:3000${route.replace('{id}', id)}${query ? `?${query}` : ''}`;
  const req = new Request(url, { headers: { 'x-ecole-peer': peerHeaderValue(nextIp()), 'user-agent': 'vitest', ...headers } });
  return (HANDLERS[route]?.GET as Handler)(req, { params: Promise.resolve({ id }) });
}

/** A value the parameter's schema rejects. */
function badValue(name: string, schema: Schema): string {
  if (Array.isArray(schema.enum)) return 'zzz-inconnu';
  if (schema.type === 'integer' || schema.type === 'number') return '-7.5';
  if (typeof schema.pattern === 'string') return 'PAS VALIDE !';
  return { at: '2014-13-45T99:99', date: '2014-02-30', fenetre: '9h' }[name] ?? 'pas-une-date';
}

beforeAll(async () => {
  await db.reportCategoryCount.createMany({
    data: [0, 15, 30, 45, 60].map((m) => ({ platformId: 'pronote', academyId: 'lille', category: 'login', bucketStart: new Date(START.getTime() + m * 60_000), reports: 3, reporters: 2 })),
  });
  await db.incident.create({ data: { id: INCIDENT_ID, platformId: 'pronote', scope: 'academies', level: 'detected', state: 'closed', startedAt: START, detectedAt: START, endedAt: new Date(START.getTime() + 3_600_000), academies: { create: [{ academyId: 'lille', joinedAt: START, level: 'detected' }] } } });
  await db.incident.create({ data: { id: randomUUID(), platformId: 'pronote', scope: 'national', level: 'possible', state: 'closed', startedAt: new Date(START.getTime() - 60_000), endedAt: new Date(START.getTime() + 60_000) } });
});

afterAll(async () => {
  await db.reportCategoryCount.deleteMany({ where: { bucketStart: { gte: START, lt: new Date(START.getTime() + 7_200_000) } } });
  const window = { startedAt: { gte: new Date(START.getTime() - 120_000), lt: new Date(START.getTime() + 120_000) } };
  await db.incidentAcademy.deleteMany({ where: { incident: window } });
  await db.incident.deleteMany({ where: window });
});

describe('the OpenAPI document', () => {
  test('is OpenAPI 3.1, served at /api/v1/openapi.json with CORS and an ETag', async () => {
    const res = await (openapi.GET as Handler)(new Request('http://localhost:3000/api/v1/openapi.json'), { params: Promise.resolve({}) });
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(await res.json()).toEqual(JSON.parse(JSON.stringify(doc)));
    expect(doc.openapi).toBe('3.1.0');
  });

  test('documents every route under app/api/v1, and every documented route has a handler', () => {
    const dir = path.resolve('app/api/v1');
    const found: string[] = [];
    const walk = (d: string) => {
      for (const name of readdirSync(d)) {
        const full = path.join(d, name);
        if (statSync(full).isDirectory()) walk(full);
        else if (name === 'route.ts') found.push(`/api/v1/${path.relative(dir, d)}`.replace(/\[(\w+)\]/g, '{$1}'));
      }
    };
    walk(dir);
    expect(found.filter((p) => p !== '/api/v1/openapi.json').sort()).toEqual(Object.keys(doc.paths).filter((p) => p.startsWith('/api/v1/')).sort());
    // The feeds, badges and Open311 routes outside /api/v1 are documented too, each with a handler.
    expect(Object.keys(doc.paths).filter((p) => !p.startsWith('/api/v1/')).sort()).toEqual(RELATED_ROUTES.map((r) => r.path).sort());
    for (const r of RELATED_ROUTES) {
      const dirOf = r.path.replace('/{fichier}', '/[platform]').replace('/badges/{id}/[platform]', '/badges/[platform]/[academy]').replace('{id}', '[id]').replace(/\/(discovery|services|requests)\.json$/, '/[file]');
      expect(existsSync(path.join('app', dirOf, 'route.ts')), r.path).toBe(true);
    }
    expect(Object.keys(HANDLERS).sort()).toEqual(API_ROUTES.map((r) => r.path).sort());
  });
});

describe.each(API_ROUTES.map((r) => r.path))('%s', (route) => {
  const op = () => doc.paths[route]?.get as Operation;

  test('answers a valid request as the document says (status, content type, schema), with CORS', async () => {
    const res = await call(route, GOOD[route] ?? '');
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    const type = (res.headers.get('content-type') ?? '').split(';')[0] ?? '';
    const content = op().responses['200']?.content ?? {};
    expect(Object.keys(content)).toContain(type);
    const text = await res.text();
    if (type === 'application/json' || type === 'application/geo+json') {
      const validate = ajv.compile(content[type]?.schema ?? {});
      const body = JSON.parse(text) as unknown;
      expect(validate(body), JSON.stringify(validate.errors)).toBe(true);
    } else expect(text.length).toBeGreaterThan(0);
  });

  test('sends a bad value for each parameter: always a 4xx with the standard error shape, never a 5xx', async () => {
    const errorSchema = op().responses['400']?.content?.['application/json']?.schema ?? {};
    const validate = ajv.compile(errorSchema);
    const cases = [
      ...op().parameters.map((p) => (p.in === 'path' ? { id: 'pas-un-id' } : { query: `${p.name}=${encodeURIComponent(badValue(p.name, p.schema))}` })),
      { query: 'parametre-inconnu=1' },
      { query: 'de=2014-02-11T10:00&a=2014-02-11T08:00' },
      { query: 'plateforme=service-qui-n-existe-pas' },
    ];
    for (const c of cases) {
      const res = await call(route, 'query' in c ? (c.query ?? '') : '', 'id' in c ? c.id : INCIDENT_ID);
      // The map state and the series keep the rules of /api/etat and /api/series: unknown parameters are ignored.
      if (res.status === 200) {
        expect(['/api/v1/etat', '/api/v1/series'].includes(route) && !op().parameters.some((p) => 'query' in c && c.query?.startsWith(`${p.name}=`)), `${route} ${JSON.stringify(c)}`).toBe(true);
        await res.body?.cancel();
        continue;
      }
      expect(res.status, `${route} ${JSON.stringify(c)}`).toBeGreaterThanOrEqual(400);
      expect(res.status, `${route} ${JSON.stringify(c)}`).toBeLessThan(500);
      const body = (await res.json()) as { error: { message: string } };
      expect(validate(body), JSON.stringify(validate.errors)).toBe(true);
      expect(body.error.message).toMatch(/[a-zé]/);
    }
  });
});

describe('caching and pagination', () => {
  test('a repeated request with If-None-Match answers 304', async () => {
    const first = await call('/api/v1/comptages', GOOD['/api/v1/comptages'] ?? '');
    const etag = first.headers.get('etag') ?? '';
    expect(first.headers.get('cache-control')).toBe('public, max-age=300');
    expect((await call('/api/v1/comptages', GOOD['/api/v1/comptages'] ?? '', INCIDENT_ID, { 'if-none-match': etag })).status).toBe(304);
  });

  test('following nextCursor walks every row once, then stops', async () => {
    const seen: string[] = [];
    let query = GOOD['/api/v1/comptages'] ?? '';
    for (let i = 0; i < 10; i++) {
      const body = (await (await call('/api/v1/comptages', query)).json()) as { items: Array<{ debut: string }>; nextCursor: string | null };
      seen.push(...body.items.map((r) => r.debut));
      if (!body.nextCursor) break;
      query = `${GOOD['/api/v1/comptages']}&curseur=${body.nextCursor}`;
    }
    // de/a are Paris wall-clock (07:00–09:00 UTC): the 09:10 UTC row is outside.
    expect(seen).toEqual(['2014-02-11T08:00:00.000Z', '2014-02-11T08:15:00.000Z', '2014-02-11T08:30:00.000Z', '2014-02-11T08:45:00.000Z']);
  });

  test('incidents come newest first, one page at a time', async () => {
    const first = (await (await call('/api/v1/incidents', GOOD['/api/v1/incidents'] ?? '')).json()) as { items: Array<{ id: string }>; nextCursor: string };
    expect(first.items.map((i) => i.id)).toEqual([INCIDENT_ID]);
    const second = (await (await call('/api/v1/incidents', `${GOOD['/api/v1/incidents']}&curseur=${first.nextCursor}`)).json()) as { items: Array<{ national: boolean }>; nextCursor: string | null };
    expect(second.items).toMatchObject([{ national: true }]);
    expect(second.nextCursor).toBeNull();
  });

  test('a tampered cursor is a 400 cursor_invalid', async () => {
    const res = await call('/api/v1/incidents', 'curseur=WyJ4Il0');
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { issues: Array<{ code: string }> } }).error.issues[0]?.code).toBe('cursor_invalid');
  });
});
