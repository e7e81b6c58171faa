import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { GET as getState } from '@/app/api/etat/route';
import { GET as getStream } from '@/app/api/flux/route';
import { GET as getCommunes } from '@/app/api/geo/communes/route';
import { API_KEY_CACHE_TTL_MS, resolveApiKey } from '@/lib/auth/api-key-owner';
import { createApiKey, revokeApiKey } from '@/lib/auth/api-keys';
import type { UserRole } from '@/lib/auth/roles';
import { readSessionCookie, type AuthSession } from '@/lib/auth/session';
import { getDb } from '@/lib/db/client';
import { replaceUserRoles } from '@/lib/db/users';
import { updateSettings } from '@/lib/settings/admin';
import { nextIp } from '../../helpers/requests';
import { cookieValue, createTestUser, sessionCookie } from '../auth/support';
import { peerHeaderValue } from '@/lib/http/peer';

const ACTOR = { userId: null, label: 'read-access test' };
const ANONYMOUS_LIMIT = 3;
const KEY_LIMIT = 8;

function readerHeaders(opts: { ip: string; authorization?: string }): Record<string, string> {
  const headers: Record<string, string> = { host: 'localhost:3000', 'x-ecole-peer': peerHeaderValue(opts.ip), 'user-agent': 'curl/8.5.0' };
  if (opts.authorization) headers.authorization = opts.authorization;
  return headers;
}

function read(opts: { ip: string; authorization?: string }): Promise<Response> {
  return getCommunes(new Request('http://localhost:3000/api/geo/communes?q=75015', { headers: readerHeaders(opts) }), undefined);
}

async function journalistKey(roles: UserRole[] = ['journalist']): Promise<{ key: string; id: string; session: AuthSession; userId: string }> {
  const { user } = await createTestUser({ roles });
  const session = (await readSessionCookie(cookieValue(await sessionCookie(user))))!;
  const { key, summary } = await createApiKey(session, 'rédaction');
  return { key, id: summary.id, session, userId: user.id };
}

beforeAll(async () => {
  await updateSettings(ACTOR, { readLimitPerMinute: ANONYMOUS_LIMIT, readLimitApiKeyPerMinute: KEY_LIMIT });
});
afterAll(async () => {
  await updateSettings(ACTOR, { readLimitPerMinute: null, readLimitApiKeyPerMinute: null });
});

describe('read limits on the public GET APIs', () => {
  test('an anonymous source gets 429 with Retry-After past its limit; another source is not affected', async () => {
    const ip = nextIp();
    for (let i = 0; i < ANONYMOUS_LIMIT; i++) expect((await read({ ip })).status).toBe(200);
    const refused = await read({ ip });
    expect(refused.status).toBe(429);
    const retryAfter = Number(refused.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    const body = (await refused.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('rate_limited');
    expect(body.error.message).toContain('3 par minute au plus sans clé d’API');
    expect((await read({ ip: nextIp() })).status).toBe(200);
  });

  test('a journalist key gets the higher limit, counted per key whatever the address', async () => {
    const { key } = await journalistKey();
    const ip = nextIp();
    for (let i = 0; i < ANONYMOUS_LIMIT; i++) expect((await read({ ip })).status).toBe(200);
    expect((await read({ ip })).status, 'the anonymous bucket of this address is full').toBe(429);
    for (let i = 0; i < KEY_LIMIT; i++) {
      const res = await read({ ip: i % 2 === 0 ? ip : nextIp(), authorization: `Bearer ${key}` });
      expect(res.status, `keyed request ${i + 1}`).toBe(200);
    }
    const refused = await read({ ip: nextIp(), authorization: `Bearer ${key}` });
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(((await refused.json()) as { error: { message: string } }).error.message).toContain('pour cette clé d’API');
  });

  test('a revoked, unknown or malformed key is refused with 401 and a code', async () => {
    const { key, id, session } = await journalistKey();
    expect((await read({ ip: nextIp(), authorization: `Bearer ${key}` })).status).toBe(200);
    await revokeApiKey(session, id);
    const cases: Array<[string, string]> = [
      [`Bearer ${key}`, 'api_key_invalid'],
      [`Bearer eep_${'x'.repeat(43)}`, 'api_key_invalid'],
      [`Basic ${Buffer.from('a:b').toString('base64')}`, 'authorization_malformed'],
    ];
    for (const [authorization, code] of cases) {
      const res = await read({ ip: nextIp(), authorization });
      expect(res.status, authorization).toBe(401);
      expect(await res.json()).toMatchObject({ error: { code: 'unauthorized', issues: [{ field: 'authorization', code }] } });
    }
  });

  test('guessing keys is limited like anonymous reading', async () => {
    const ip = nextIp();
    for (let i = 0; i < ANONYMOUS_LIMIT; i++) expect((await read({ ip, authorization: `Bearer eep_guess${i}` })).status).toBe(401);
    expect((await read({ ip, authorization: 'Bearer eep_guess-again' })).status).toBe(429);
  });

  test('a key whose owner lost the journalist role is refused with 403', async () => {
    const { key, userId } = await journalistKey();
    await getDb().$transaction((tx) => replaceUserRoles(tx, userId, ['union']));
    const res = await read({ ip: nextIp(), authorization: `Bearer ${key}` });
    expect(res.status).toBe(403);
    expect(await res.json()).toMatchObject({ error: { code: 'forbidden', issues: [{ code: 'api_key_forbidden' }] } });
  });

  test('the map state and the live stream apply the same limits', async () => {
    const ip = nextIp();
    const states: number[] = [];
    for (let i = 0; i <= ANONYMOUS_LIMIT; i++) {
      states.push((await getState(new Request('http://localhost:3000/api/etat', { headers: readerHeaders({ ip }) }), undefined)).status);
    }
    expect(states).toEqual([...Array<number>(ANONYMOUS_LIMIT).fill(200), 429]);
    const stream = await getStream(new Request('http://localhost:3000/api/flux', { headers: readerHeaders({ ip }) }), undefined);
    expect(stream.status).toBe(429);
    const unknownKey = await getStream(new Request('http://localhost:3000/api/flux', { headers: readerHeaders({ ip: nextIp(), authorization: 'Bearer eep_unknown' }) }), undefined);
    expect(unknownKey.status).toBe(401);
  });

  test('a key revoked on another instance stops working once the short owner cache expires', async () => {
    const { key, id } = await journalistKey();
    const now = Date.now();
    expect(await resolveApiKey(key, now)).toMatchObject({ keyId: id });
    await getDb().apiKey.update({ where: { id }, data: { revokedAt: new Date() } });
    expect(await resolveApiKey(key, now + API_KEY_CACHE_TTL_MS - 1)).toMatchObject({ keyId: id });
    expect(await resolveApiKey(key, now + API_KEY_CACHE_TTL_MS + 1)).toBeNull();
  });
});
