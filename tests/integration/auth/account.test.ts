import { describe, expect, test } from 'vitest';
import { confirmTotpEnrollment, renewRecoveryCodes, startTotpEnrollment, verifySessionSecondFactor } from '@/lib/auth/account';
import { requestEmailChange } from '@/lib/auth/account-links';
import { readSessionCookie } from '@/lib/auth/session';
import { generateTotp } from '@/lib/auth/totp';
import { getDb } from '@/lib/db/client';
import { cookieValue, createTestUser, sessionCookie, TEST_PASSWORD } from './support';

describe('second factor', () => {
  test('enrolment: the first code enables TOTP, marks the session and returns ten recovery codes', async () => {
    const { user } = await createTestUser({ roles: ['moderator'] });
    const cookie = cookieValue(await sessionCookie(user, { mfa: false }));
    const session = (await readSessionCookie(cookie))!;
    const { secret, uri } = await startTotpEnrollment(session);
    expect(uri).toContain(secret);
    const now = new Date();
    await expect(confirmTotpEnrollment(session, '000000' === generateTotp(secret, now.getTime()) ? '111111' : '000000', now)).rejects.toMatchObject({ code: 'invalid_input' });
    const codes = await confirmTotpEnrollment(session, generateTotp(secret, now.getTime()), now);
    expect(codes).toHaveLength(10);
    expect(await readSessionCookie(cookie)).toMatchObject({ mfa: true, totpEnabled: true });
    await expect(startTotpEnrollment(session)).rejects.toMatchObject({ code: 'conflict' });
    expect(await getDb().auditLog.findFirst({ where: { targetId: user.id, action: 'account.totp_enabled' } })).not.toBeNull();

    const later = new Date(now.getTime() + 60_000);
    const renewed = await renewRecoveryCodes(session, { password: TEST_PASSWORD, code: generateTotp(secret, later.getTime()) }, later);
    expect(renewed).toHaveLength(10);
    expect(await getDb().auditLog.findFirst({ where: { targetId: user.id, action: 'account.recovery_codes_renewed' } })).not.toBeNull();
    const stepUp = (await readSessionCookie(cookieValue(await sessionCookie(user, { mfa: false }))))!;
    await expect(verifySessionSecondFactor(stepUp, codes[0]!)).rejects.toMatchObject({ code: 'invalid_input' });
    await verifySessionSecondFactor(stepUp, renewed[0]!);
    expect((await readSessionCookie(cookieValue(await sessionCookie(user, { mfa: false }))))?.mfa).toBe(false);
  });

  test('step-up of a session opened without the second factor', async () => {
    const { user, totpSecret } = await createTestUser({ roles: ['admin'], totp: true });
    const cookie = cookieValue(await sessionCookie(user, { mfa: false }));
    const session = (await readSessionCookie(cookie))!;
    expect(session.mfa).toBe(false);
    await verifySessionSecondFactor(session, generateTotp(totpSecret!, Date.now()));
    expect((await readSessionCookie(cookie))?.mfa).toBe(true);
    expect((await getDb().auditLog.findFirst({ where: { targetId: user.id, action: 'auth.second_factor' } }))?.after).toEqual({ method: 'totp' });
  });
});

describe('e-mail change without a mail server', () => {
  test('needs the current password, applies at once and ends the other sessions', async () => {
    const { user } = await createTestUser({ roles: ['journalist'] });
    const session = (await readSessionCookie(cookieValue(await sessionCookie(user))))!;
    const other = cookieValue(await sessionCookie(user));
    const newEmail = `nouvelle-${Date.now()}@test.example`;
    await expect(requestEmailChange(session, { newEmail, currentPassword: 'pas le bon du tout' })).rejects.toMatchObject({ code: 'forbidden' });
    expect(await requestEmailChange(session, { newEmail, currentPassword: TEST_PASSWORD })).toBe('changed');
    expect(await readSessionCookie(other)).toBeNull();
    expect(await getDb().user.findUnique({ where: { id: user.id } })).toMatchObject({ email: newEmail });
    const audit = await getDb().auditLog.findFirst({ where: { targetId: user.id, action: 'account.email_changed' } });
    expect(audit).toMatchObject({ before: { email: user.email }, after: { email: newEmail } });
  });
});
