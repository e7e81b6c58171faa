import { randomUUID } from 'node:crypto';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { rolesWith, type Permission, type UserRole } from '@/lib/auth/roles';
import { getDb } from '@/lib/db/client';
import { createTestUser, jsonRequest, sessionCookie } from './support';

const APP_DIR = path.resolve('app');
const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'] as const;

/** Routes anyone may call: reporting stays anonymous. Every other route must appear in PROTECTED. */
const PUBLIC = [/^\/api\/reports$/, /^\/api\/health$/, /^\/api\/geo\//, /^\/api\/pow\/challenge$/, /^\/signaler\/envoyer$/, /^\/api\/auth\//, /^\/api\/etat$/, /^\/api\/flux$/, /^\/api\/series$/, /\/incidents\.atom$/, /^\/badges\//, /^\/open311\//, /^\/api\/v1\//, /^\/api\/preuves(\/atom)?$/, /^\/serwist\//, /^\/api\/notifications(\/(confirmer|desabonner|cle))?$/];

/** The right each protected route (all its methods) requires. */
const PROTECTED: Record<string, Permission> = {
  '/api/moderation/queue': 'moderation.manage',
  '/api/moderation/reports/[id]': 'moderation.manage',
  '/api/moderation/sources': 'moderation.manage',
  '/api/moderation/comments': 'moderation.manage',
  '/api/moderation/undo': 'moderation.manage',
  '/api/moderation/incidents/[id]': 'incidents.manage',
  '/api/admin/users': 'users.manage',
  '/api/admin/users/[id]': 'users.manage',
  '/api/admin/audit': 'audit.read',
  '/api/admin/platforms': 'catalog.manage',
  '/api/admin/platforms/[id]': 'catalog.manage',
  '/api/admin/settings': 'settings.manage',
  '/api/admin/organisations': 'organisations.manage',
  '/api/admin/organisations/[id]/members': 'organisations.manage',
  '/api/dossiers': 'dossiers.build',
  '/api/dossiers/[id]': 'dossiers.build',
  '/api/dossiers/[id]/zip': 'dossiers.build',
  '/api/incidents/[id]/notes': 'notes.own',
};

type Handler = (req: Request, ctx: { params: Promise<Record<string, string | string[]>> }) => Promise<Response>;
type RouteFile = { pattern: string; url: string; params: Record<string, string | string[]>; handlers: Array<[string, Handler]> };

function routeFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return routeFiles(full);
    return /^route\.(ts|tsx|js)$/.test(entry.name) ? [full] : [];
  });
}

async function loadRoutes(): Promise<RouteFile[]> {
  const files = routeFiles(APP_DIR);
  return Promise.all(
    files.map(async (file) => {
      const segments = path.relative(APP_DIR, path.dirname(file)).split(path.sep).filter((s) => !/^\(.*\)$/.test(s));
      const params: Record<string, string | string[]> = {};
      const urlSegments = segments.map((segment) => {
        const catchAll = /^\[\.\.\.(\w+)\]$/.exec(segment);
        if (catchAll?.[1]) return (params[catchAll[1]] = ['x']), 'x';
        const dynamic = /^\[(\w+)\]$/.exec(segment);
        if (dynamic?.[1]) return (params[dynamic[1]] = '01900000-0000-7000-8000-000000000000');
        return segment;
      });
      const mod = (await import(/* @vite-ignore */ file)) as Record<string, unknown>;
      const handlers = METHODS.filter((m) => typeof mod[m] === 'function').map((m) => [m, mod[m] as Handler] as [string, Handler]);
      return { pattern: `/${segments.join('/')}`, url: `/${urlSegments.join('/')}`, params, handlers };
    }),
  );
}

const ROLES: UserRole[] = ['admin', 'moderator', 'union', 'journalist'];
const cookies: Partial<Record<UserRole | 'moderator-without-totp', string>> = {};
let routes: RouteFile[] = [];

beforeAll(async () => {
  routes = await loadRoutes();
  for (const role of ROLES) cookies[role] = await sessionCookie((await createTestUser({ roles: [role], totp: role === 'admin' || role === 'moderator' })).user);
  cookies['moderator-without-totp'] = await sessionCookie((await createTestUser({ roles: ['moderator'] })).user, { mfa: false });
});

async function call(route: RouteFile, method: string, handler: Handler, cookie?: string, origin?: string): Promise<number> {
  const res = await handler(jsonRequest(route.url, { method, cookie, origin }), { params: Promise.resolve(route.params) });
  return res.status;
}

describe('route handlers under app/', () => {
  test('every route is either public or has an entry in the access matrix', () => {
    expect(routes.length).toBeGreaterThan(5);
    const unlisted = routes.filter((r) => !PUBLIC.some((p) => p.test(r.pattern)) && !(r.pattern in PROTECTED)).map((r) => r.pattern);
    expect(unlisted, 'new route without an access decision: add it to PROTECTED (and check the role in the handler)').toEqual([]);
    const stale = Object.keys(PROTECTED).filter((p) => !routes.some((r) => r.pattern === p));
    expect(stale).toEqual([]);
  });

  test('anonymous callers get 401 from every protected method', async () => {
    const seen: string[] = [];
    for (const route of routes.filter((r) => r.pattern in PROTECTED)) {
      for (const [method, handler] of route.handlers) {
        seen.push(`${method} ${route.pattern}`);
        expect(await call(route, method, handler), `${method} ${route.pattern}`).toBe(401);
      }
    }
    expect(seen.length).toBeGreaterThanOrEqual(Object.keys(PROTECTED).length);
  });

  test.each(ROLES)('%s is allowed exactly where its role grants the right, refused (403) elsewhere', async (role) => {
    for (const route of routes.filter((r) => r.pattern in PROTECTED)) {
      const permission = PROTECTED[route.pattern] as Permission;
      const allowed = rolesWith(permission).includes(role);
      for (const [method, handler] of route.handlers) {
        const status = await call(route, method, handler, cookies[role]);
        if (allowed) expect([401, 403], `${role} ${method} ${route.pattern} → ${status}`).not.toContain(status);
        if (allowed) expect(status, `${role} ${method} ${route.pattern}`).toBeLessThan(500);
        else expect(status, `${role} ${method} ${route.pattern}`).toBe(403);
      }
    }
  });

  test('a moderator who has not passed the second factor is refused (403)', async () => {
    for (const route of routes.filter((r) => PROTECTED[r.pattern] === 'moderation.manage')) {
      for (const [method, handler] of route.handlers) {
        expect(await call(route, method, handler, cookies['moderator-without-totp']), `${method} ${route.pattern}`).toBe(403);
      }
    }
  });

  test('cookie-authenticated writes from another origin are refused (403)', async () => {
    for (const route of routes.filter((r) => r.pattern in PROTECTED)) {
      const role = ROLES.find((r) => rolesWith(PROTECTED[route.pattern] as Permission).includes(r));
      for (const [method, handler] of route.handlers.filter(([m]) => m !== 'GET')) {
        expect(await call(route, method, handler, cookies[role ?? 'admin'], 'https://evil.example'), `${method} ${route.pattern}`).toBe(403);
      }
    }
  });
});

describe('organisations: a union sees only its own organisation’s dossiers and notes', () => {
  test('another organisation’s dossier cannot be listed, read or downloaded; notes stay private', async () => {
    const db = getDb();
    const [orgA, orgB] = await Promise.all(['A', 'B'].map((n) => db.organisation.create({ data: { name: `Syndicat ${n} ${randomUUID()}` } })));
    const [a, a2, b, loner] = await Promise.all([0, 1, 2, 3].map(() => createTestUser({ roles: ['union'] })));
    await db.organisationMember.createMany({ data: [{ userId: a!.user.id, organisationId: orgA!.id }, { userId: a2!.user.id, organisationId: orgA!.id }, { userId: b!.user.id, organisationId: orgB!.id }] });
    const id = randomUUID();
    await db.dossier.create({ data: { id, organisationId: orgA!.id, ownerId: a!.user.id, title: 'Dossier A', filters: {}, state: 'ready', sizeBytes: 22 } });
    await db.dossierChunk.create({ data: { dossierId: id, seq: 0, data: new Uint8Array([80, 75, 5, 6, ...new Array(18).fill(0)]) } });
    const incident = await db.incident.create({ data: { id: randomUUID(), platformId: 'pronote', scope: 'national', level: 'detected', startedAt: new Date() } });
    await db.incidentNote.create({ data: { organisationId: orgA!.id, incidentId: incident.id, authorId: a!.user.id, body: 'note privée de A' } });
    const as = async (user: typeof a) => sessionCookie(user!.user);
    const [ca, ca2, cb, cl] = await Promise.all([as(a), as(a2), as(b), as(loner)]);
    const get = async (url: string, cookie: string) => {
      const mod = url.endsWith('/zip') ? await import('@/app/api/dossiers/[id]/zip/route') : url.startsWith('/api/dossiers/') ? await import('@/app/api/dossiers/[id]/route') : await import('@/app/api/dossiers/route');
      return mod.GET(jsonRequest(url, { method: 'GET', cookie }), { params: Promise.resolve({ id }) });
    };
    const listed = async (cookie: string) => ((await (await get('/api/dossiers', cookie)).json()) as { items: Array<{ id: string }> }).items.map((d) => d.id);
    expect(await listed(ca)).toContain(id);
    expect(await listed(ca2)).toContain(id);
    expect(await listed(cb)).not.toContain(id);
    expect(await listed(cl)).not.toContain(id);
    for (const cookie of [cb, cl]) {
      expect((await get(`/api/dossiers/${id}`, cookie)).status).toBe(404);
      expect((await get(`/api/dossiers/${id}/zip`, cookie)).status).toBe(404);
    }
    expect((await get(`/api/dossiers/${id}`, ca2)).status).toBe(200);
    expect((await get(`/api/dossiers/${id}/zip`, ca2)).status).toBe(200);
    const notes = await import('@/app/api/incidents/[id]/notes/route');
    const readNotes = async (cookie: string) =>
      ((await (await notes.GET(jsonRequest(`/api/incidents/${incident.id}/notes`, { method: 'GET', cookie }), { params: Promise.resolve({ id: incident.id }) })).json()) as { items: Array<{ body: string }> }).items.map((n) => n.body);
    expect(await readNotes(ca2)).toEqual(['note privée de A']);
    expect(await readNotes(cb)).toEqual([]);
    expect(await readNotes(cl)).toEqual([]);
  });
});
