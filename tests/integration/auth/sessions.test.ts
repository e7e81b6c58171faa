import { describe, expect, test } from 'vitest';
import { changePassword } from '@/lib/auth/account';
import { actorOf, readSessionCookie } from '@/lib/auth/session';
import { closeSession, openSession } from '@/lib/auth/sign-in';
import { updateUser } from '@/lib/auth/users-admin';
import { encode } from 'next-auth/jwt';
import { getAuthSecret } from '@/lib/auth/runtime';
import { getDb } from '@/lib/db/client';
import { cookieValue, createTestUser, sessionCookie, TEST_PASSWORD } from './support';

describe('sessions', () => {
  test('a session cookie resolves to the user, roles and second-factor state', async () => {
    const { user } = await createTestUser({ roles: ['moderator'], totp: true });
    const session = await readSessionCookie(cookieValue(await sessionCookie(user, { mfa: false })));
    expect(session).toMatchObject({ userId: user.id, email: user.email, roles: ['moderator'], mfa: false, totpEnabled: true });
  });

  test('forged, expired and unknown cookies give no session', async () => {
    const { user } = await createTestUser();
    expect(await readSessionCookie('not-a-jwt')).toBeNull();
    expect(await readSessionCookie(await encode({ token: { sub: user.id, sid: 'guessed' }, secret: await getAuthSecret() }))).toBeNull();
    expect(await readSessionCookie(await encode({ token: { sub: user.id, sid: 'x' }, secret: 'another secret of thirty-two chars!' }))).toBeNull();
    expect(await readSessionCookie(cookieValue(await sessionCookie(user, { expires: new Date(Date.now() - 1000) })))).toBeNull();
  });

  test('an admin revoking sessions ends them at once, even with a valid cookie', async () => {
    const { user } = await createTestUser({ roles: ['journalist'] });
    const { user: admin } = await createTestUser({ roles: ['admin'], totp: true });
    const cookie = cookieValue(await sessionCookie(user));
    expect(await readSessionCookie(cookie)).not.toBeNull();
    await updateUser({ userId: admin.id, label: admin.email }, { userId: user.id, op: 'revoke_sessions', reason: 'test' });
    expect(await readSessionCookie(cookie)).toBeNull();
    const audit = await getDb().auditLog.findFirst({ where: { targetId: user.id, action: 'user.sessions_revoked' } });
    expect(audit).toMatchObject({ actorId: admin.id, reason: 'test' });
    expect(audit?.after).toMatchObject({ sessionsEnded: 1 });
  });

  test('disabling an account ends its sessions and blocks new ones', async () => {
    const { user } = await createTestUser({ roles: ['union'] });
    const { user: admin } = await createTestUser({ roles: ['admin'], totp: true });
    const cookie = cookieValue(await sessionCookie(user));
    await updateUser({ userId: admin.id, label: admin.email }, { userId: user.id, op: 'disable' });
    expect(await readSessionCookie(cookie)).toBeNull();
    await updateUser({ userId: admin.id, label: admin.email }, { userId: user.id, op: 'enable' });
    const actions = (await getDb().auditLog.findMany({ where: { targetId: user.id }, orderBy: { id: 'asc' } })).map((r) => r.action);
    expect(actions).toEqual(['user.disabled', 'user.enabled']);
  });

  test('signing out deletes the server-side session and is audited', async () => {
    const { user } = await createTestUser();
    const sid = await openSession({ userId: user.id, email: user.email, provider: 'credentials', mfa: false });
    const cookie = await encode({ token: { sub: user.id, sid }, secret: await getAuthSecret() });
    expect(await readSessionCookie(cookie)).not.toBeNull();
    await closeSession(sid);
    expect(await readSessionCookie(cookie)).toBeNull();
    const actions = (await getDb().auditLog.findMany({ where: { targetId: user.id }, orderBy: { id: 'asc' } })).map((r) => r.action);
    expect(actions).toEqual(['auth.sign_in', 'auth.sign_out']);
  });

  test('changing the password keeps the current session and ends the others', async () => {
    const { user } = await createTestUser();
    const current = await readSessionCookie(cookieValue(await sessionCookie(user)));
    const other = cookieValue(await sessionCookie(user));
    await changePassword(current!, { currentPassword: TEST_PASSWORD, newPassword: 'un tout nouveau mot de passe' });
    expect(await readSessionCookie(other)).toBeNull();
    expect(await getDb().auditLog.findFirst({ where: { targetId: user.id, action: 'account.password_changed' } })).toMatchObject({ after: { otherSessionsEnded: 1 } });
    const again = await readSessionCookie(cookieValue(await sessionCookie(user)));
    expect(again).not.toBeNull();
    expect(actorOf(again!)).toEqual({ userId: user.id, label: user.email });
  });
});
