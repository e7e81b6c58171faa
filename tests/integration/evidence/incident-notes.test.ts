import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, test } from 'vitest';
import { getDb } from '@/lib/db/client';
import { createTestUser, jsonRequest, sessionCookie } from '../auth/support';

type Note = { id: string; body: string; createdAt: string };
let incidentId: string;
let cookies: { a: string; a2: string; b: string; journalist: string; loner: string };

beforeAll(async () => {
  const db = getDb();
  const [orgA, orgB] = await Promise.all(['A', 'B'].map((n) => db.organisation.create({ data: { name: `Notes ${n} ${randomUUID()}` } })));
  const [a, a2, b, loner] = await Promise.all([0, 1, 2, 3].map(() => createTestUser({ roles: ['union'] })));
  const journalist = await createTestUser({ roles: ['journalist'] });
  await db.organisationMember.createMany({ data: [{ userId: a!.user.id, organisationId: orgA!.id }, { userId: a2!.user.id, organisationId: orgA!.id }, { userId: b!.user.id, organisationId: orgB!.id }] });
  incidentId = (await db.incident.create({ data: { id: randomUUID(), platformId: 'pronote', scope: 'national', level: 'detected', startedAt: new Date() } })).id;
  const [ca, ca2, cb, cj, cl] = await Promise.all([a, a2, b, journalist, loner].map((u) => sessionCookie(u!.user)));
  cookies = { a: ca!, a2: ca2!, b: cb!, journalist: cj!, loner: cl! };
});

async function call(method: 'GET' | 'POST', cookie: string | undefined, body?: unknown): Promise<Response> {
  const notes = await import('@/app/api/incidents/[id]/notes/route');
  const req = jsonRequest(`/api/incidents/${incidentId}/notes`, { method, cookie, body });
  return notes[method](req, { params: Promise.resolve({ id: incidentId }) });
}

const bodies = async (cookie: string) => ((await (await call('GET', cookie)).json()) as { items: Note[] }).items.map((n) => n.body);

describe('incident notes, as the incident page’s notes panel uses them', () => {
  test('a note written by one member is read by the other members of that organisation only', async () => {
    const created = await call('POST', cookies.a, { body: 'Le rectorat confirme la panne.' });
    expect(created.status).toBe(201);
    expect(await bodies(cookies.a2)).toEqual(['Le rectorat confirme la panne.']);
    expect(await bodies(cookies.b)).toEqual([]);
    expect(await bodies(cookies.loner)).toEqual([]);
    expect((await call('POST', cookies.b, { body: 'Note de B' })).status).toBe(201);
    expect(await bodies(cookies.a)).toEqual(['Le rectorat confirme la panne.']);
    expect(await bodies(cookies.b)).toEqual(['Note de B']);
  });

  test('visitors and other roles get no notes (the panel stays hidden), and bad input gets a French error', async () => {
    expect((await call('GET', undefined)).status).toBe(401);
    expect((await call('GET', cookies.journalist)).status).toBe(403);
    const empty = await call('POST', cookies.a, { body: '   ' });
    expect(empty.status).toBe(400);
    expect(((await empty.json()) as { error: { code: string; message: string } }).error).toMatchObject({ code: 'invalid_input' });
    const orphan = await call('POST', cookies.loner, { body: 'sans organisation' });
    expect(orphan.status).toBe(409);
    expect(((await orphan.json()) as { error: { message: string } }).error.message).toMatch(/aucune organisation/);
  });
});
