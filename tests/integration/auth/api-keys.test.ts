import { describe, expect, test } from 'vitest';
import { createApiKey, listOwnApiKeys, resolveApiKey, revokeApiKey } from '@/lib/auth/api-keys';
import { readSessionCookie } from '@/lib/auth/session';
import { getDb } from '@/lib/db/client';
import { cookieValue, createTestUser, sessionCookie } from './support';

describe('API keys', () => {
  test('a key is shown once, stored as a hash, resolves to its owner until revoked', async () => {
    const { user } = await createTestUser({ roles: ['journalist'] });
    const session = (await readSessionCookie(cookieValue(await sessionCookie(user))))!;
    const { key, summary } = await createApiKey(session, 'rédaction');
    expect(key).toMatch(/^eep_/);
    expect(JSON.stringify(await getDb().apiKey.findUnique({ where: { id: summary.id } }))).not.toContain(key);
    expect(await resolveApiKey(key)).toMatchObject({ userId: user.id, roles: ['journalist'] });
    expect(await resolveApiKey('eep_not-a-key')).toBeNull();

    const { user: other } = await createTestUser({ roles: ['journalist'] });
    const otherSession = (await readSessionCookie(cookieValue(await sessionCookie(other))))!;
    await expect(revokeApiKey(otherSession, summary.id)).rejects.toMatchObject({ code: 'not_found' });

    await revokeApiKey(session, summary.id);
    expect(await resolveApiKey(key)).toBeNull();
    expect((await listOwnApiKeys(session))[0]?.revokedAt).toBeInstanceOf(Date);
    const actions = (await getDb().auditLog.findMany({ where: { targetId: summary.id }, orderBy: { id: 'asc' } })).map((a) => a.action);
    expect(actions).toEqual(['apikey.created', 'apikey.revoked']);
  });
});
