import { describe, expect, test } from 'vitest';
import { GET, POST } from '@/app/api/moderation/comments/route';
import { POST as UNDO } from '@/app/api/moderation/undo/route';
import { createTestUser, jsonRequest, sessionCookie } from '../auth/support';

const ctx = { params: Promise.resolve({}) };

async function moderatorCookie(): Promise<string> {
  return sessionCookie((await createTestUser({ roles: ['moderator'], totp: true })).user);
}

describe('/api/moderation/comments', () => {
  test('GET answers the queue with items, groups, counts per filter and a cursor field', async () => {
    const res = await GET(jsonRequest('/api/moderation/comments?periode=heure&ordre=ancien', { method: 'GET', cookie: await moderatorCookie() }), ctx);
    expect(res.status).toBe(200);
    const body = (await res.json()) as Record<string, unknown>;
    expect(Object.keys(body).sort()).toEqual(['asOf', 'facets', 'groups', 'items', 'nextCursor', 'periods', 'total']);
  });

  test('bad filters and bad actions get 400 with the standard error shape, never a 500', async () => {
    const cookie = await moderatorCookie();
    const bad = await GET(jsonRequest('/api/moderation/comments?ordre=aleatoire', { method: 'GET', cookie }), ctx);
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ error: { code: 'invalid_input', message: expect.any(String), issues: expect.anything() } });
    for (const body of [{}, { scope: 'selection', op: 'approve', reportIds: [] }, { scope: 'group', op: 'hide', keys: [] }]) {
      const res = await POST(jsonRequest('/api/moderation/comments', { method: 'POST', cookie, body }), ctx);
      expect(res.status, JSON.stringify(body).slice(0, 80)).toBe(400);
      expect(await res.json()).toMatchObject({ error: { code: 'invalid_input' } });
    }
  });

  test('acting on a comment that is not pending is a 409 conflict; undoing someone else’s action too', async () => {
    const cookie = await moderatorCookie();
    const res = await POST(jsonRequest('/api/moderation/comments', { method: 'POST', cookie, body: { scope: 'one', op: 'approve', reportId: '01900000-0000-7000-8000-000000000001' } }), ctx);
    expect(res.status).toBe(409);
    const undo = await UNDO(jsonRequest('/api/moderation/undo', { method: 'POST', cookie, body: { actionId: '01900000-0000-7000-8000-000000000002' } }), ctx);
    expect(undo.status).toBe(409);
    expect(await undo.json()).toMatchObject({ error: { code: 'conflict', message: 'Seule votre dernière action peut être annulée.' } });
  });
});
