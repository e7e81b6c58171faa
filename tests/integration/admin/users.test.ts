import { describe, expect, test } from 'vitest';
import { completePasswordReset } from '@/lib/auth/account-links';
import { authorizeCredentials } from '@/lib/auth/sign-in';
import { createUser, updateUser } from '@/lib/auth/users-admin';
import { getDb } from '@/lib/db/client';
import { getUserById, updateUserFields } from '@/lib/db/users';
import { createTestUser, nextTestIp } from '../auth/support';
import { peerHeaderValue } from '@/lib/http/peer';

async function adminActor() {
  const { user } = await createTestUser({ roles: ['admin'], totp: true });
  return { userId: user.id, label: user.email };
}

function tokenOf(link: string): string {
  return new URL(link, 'http://x').searchParams.get('token') ?? '';
}

describe('account administration', () => {
  test('a new account gets a one-time link to choose its password, then signs in', async () => {
    const actor = await adminActor();
    const email = `nouveau-${Date.now()}@test.example`;
    const { user, link } = await createUser(actor, { email, name: 'Camille Roux', roles: ['moderator'] });
    expect(user).toMatchObject({ email, roles: ['moderator'], passwordHash: null });
    expect(link).toMatch(/^\/connexion\/reinitialiser\?token=/);
    await expect(createUser(actor, { email: email.toUpperCase(), name: null, roles: [] })).rejects.toMatchObject({ code: 'conflict' });

    await expect(completePasswordReset({ token: tokenOf(link), newPassword: 'motdepasse2024' })).rejects.toMatchObject({ code: 'invalid_input' });
    await completePasswordReset({ token: tokenOf(link), newPassword: 'ma nouvelle phrase secrète' });
    await expect(completePasswordReset({ token: tokenOf(link), newPassword: 'une autre phrase secrète' })).rejects.toMatchObject({ code: 'invalid_input' });
    const signed = await authorizeCredentials({ raw: { email, password: 'ma nouvelle phrase secrète' }, headers: new Headers({ 'x-ecole-peer': peerHeaderValue(nextTestIp()) }) });
    expect(signed.id).toBe(user.id);

    const audit = await getDb().auditLog.findMany({ where: { targetId: user.id }, orderBy: { id: 'asc' } });
    expect(audit.map((a) => a.action)).toEqual(['user.created', 'account.password_reset']);
    expect(audit[0]).toMatchObject({ actorId: actor.userId });
    expect(JSON.stringify(audit.map((a) => a.after))).not.toContain(tokenOf(link));
  });

  test('an expired reset link is refused', async () => {
    const actor = await adminActor();
    const { user } = await createTestUser();
    const { link } = await updateUser(actor, { userId: user.id, op: 'issue_reset_link' }, new Date(Date.now() - 2 * 3_600_000));
    await expect(completePasswordReset({ token: tokenOf(link!), newPassword: 'une phrase bien longue' })).rejects.toMatchObject({ code: 'invalid_input' });
  });

  test('roles are replaced and audited before/after with the reason', async () => {
    const actor = await adminActor();
    const { user } = await createTestUser({ roles: ['journalist'] });
    await updateUser(actor, { userId: user.id, op: 'set_roles', roles: ['union', 'moderator'], reason: 'nouvelle mission' });
    expect((await getUserById(getDb(), user.id))?.roles).toEqual(['moderator', 'union']);
    const audit = await getDb().auditLog.findFirst({ where: { targetId: user.id, action: 'user.roles_changed' } });
    expect(audit).toMatchObject({ before: { roles: ['journalist'] }, after: { roles: ['moderator', 'union'] }, reason: 'nouvelle mission' });
  });

  test('the last active administrator cannot lose the role nor be disabled', async () => {
    const actor = await adminActor();
    const others = await getDb().user.findMany({ where: { disabledAt: null, roles: { some: { role: 'admin' } }, id: { not: actor.userId } }, select: { id: true } });
    for (const o of others) await updateUserFields(getDb(), o.id, { disabledAt: new Date() });
    try {
      await expect(updateUser(actor, { userId: actor.userId, op: 'set_roles', roles: ['moderator'] })).rejects.toMatchObject({ code: 'conflict' });
      await expect(updateUser(actor, { userId: actor.userId, op: 'disable' })).rejects.toMatchObject({ code: 'conflict' });
    } finally {
      for (const o of others) await updateUserFields(getDb(), o.id, { disabledAt: null });
    }
  });

  test('resetting the second factor clears it and ends the sessions', async () => {
    const actor = await adminActor();
    const { user } = await createTestUser({ roles: ['moderator'], totp: true });
    await updateUser(actor, { userId: user.id, op: 'reset_totp', reason: 'téléphone perdu' });
    expect(await getUserById(getDb(), user.id)).toMatchObject({ totpSecret: null, totpEnabledAt: null, recoveryCodeCount: 0 });
    expect(await getDb().auditLog.findFirst({ where: { targetId: user.id, action: 'user.totp_reset' } })).toMatchObject({ reason: 'téléphone perdu' });
  });
});
