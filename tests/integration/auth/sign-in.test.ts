import { describe, expect, test } from 'vitest';
import { completePasswordReset, issueResetToken } from '@/lib/auth/account-links';
import { generateRecoveryCodes, hashRecoveryCode } from '@/lib/auth/recovery-codes';
import { authorizeCredentials, SignInError, type SignInFailure } from '@/lib/auth/sign-in';
import { LOGIN_LIMIT_PER_ACCOUNT, LOGIN_LIMIT_PER_SOURCE } from '@/lib/auth/throttle';
import { generateTotp } from '@/lib/auth/totp';
import { getDb } from '@/lib/db/client';
import { updateUserFields } from '@/lib/db/users';
import { createTestUser, nextTestIp, TEST_PASSWORD } from './support';
import { peerHeaderValue } from '@/lib/http/peer';

function headersFrom(ip: string): Headers {
  return new Headers({ 'x-ecole-peer': peerHeaderValue(ip) });
}

async function failure(raw: Record<string, string>, ip = nextTestIp(), now?: Date): Promise<SignInFailure | 'signed_in'> {
  try {
    await authorizeCredentials({ raw, headers: headersFrom(ip), now });
    return 'signed_in';
  } catch (error) {
    if (error instanceof SignInError) return error.code;
    throw error;
  }
}

describe('authorizeCredentials', () => {
  test('signs in with the right password; e-mail case does not matter', async () => {
    const { user } = await createTestUser({ roles: ['journalist'] });
    const signed = await authorizeCredentials({ raw: { email: user.email.toUpperCase(), password: TEST_PASSWORD }, headers: headersFrom(nextTestIp()) });
    expect(signed).toMatchObject({ id: user.id, mfa: false });
  });

  test('wrong password, unknown account and disabled account all answer invalid_credentials', async () => {
    const { user } = await createTestUser();
    expect(await failure({ email: user.email, password: 'pas le bon mot de passe' })).toBe('invalid_credentials');
    expect(await failure({ email: 'personne@test.example', password: TEST_PASSWORD })).toBe('invalid_credentials');
    await updateUserFields(getDb(), user.id, { disabledAt: new Date() });
    expect(await failure({ email: user.email, password: TEST_PASSWORD })).toBe('invalid_credentials');
  });

  test('an account with TOTP needs a valid code, and each code works once', async () => {
    const { user, totpSecret } = await createTestUser({ roles: ['moderator'], totp: true });
    const now = new Date();
    const base = { email: user.email, password: TEST_PASSWORD };
    expect(await failure(base)).toBe('totp_required');
    expect(await failure({ ...base, code: '000000' === generateTotp(totpSecret!, now.getTime()) ? '111111' : '000000' })).toBe('totp_invalid');
    const code = generateTotp(totpSecret!, now.getTime());
    expect(await failure({ ...base, code }, nextTestIp(), now)).toBe('signed_in');
    expect(await failure({ ...base, code }, nextTestIp(), now)).toBe('totp_invalid');
    const signed = await authorizeCredentials({ raw: { ...base, code: generateTotp(totpSecret!, now.getTime() + 30_000) }, headers: headersFrom(nextTestIp()), now: new Date(now.getTime() + 30_000) });
    expect(signed.mfa).toBe(true);
  });

  test('a recovery code replaces the TOTP code once', async () => {
    const { user } = await createTestUser({ roles: ['admin'], totp: true });
    const [code = ''] = generateRecoveryCodes(1);
    await updateUserFields(getDb(), user.id, { recoveryCodes: [hashRecoveryCode(code)] });
    expect(await failure({ email: user.email, password: TEST_PASSWORD, code })).toBe('signed_in');
    expect(await failure({ email: user.email, password: TEST_PASSWORD, code })).toBe('totp_invalid');
  });
});

describe('brute-force throttling', () => {
  test('10 wrong passwords from anywhere do not keep the real admin out: password + TOTP from a new address succeeds', async () => {
    const { user, totpSecret } = await createTestUser({ roles: ['admin'], totp: true });
    for (let i = 0; i < LOGIN_LIMIT_PER_ACCOUNT + 5; i += 1) {
      await failure({ email: user.email, password: `mauvais essai numéro ${i}` });
    }
    const base = { email: user.email, password: TEST_PASSWORD };
    expect(await failure({ ...base, password: 'encore un mauvais essai' })).toBe('account_guarded');
    expect(await failure(base)).toBe('account_guarded');
    const now = new Date();
    expect(await failure({ ...base, code: generateTotp(totpSecret!, now.getTime()) }, nextTestIp(), now)).toBe('signed_in');
    expect(await failure(base)).toBe('totp_required');
  });

  test('a guarded account gives the same answer whether the password was right or not (no oracle)', async () => {
    const { user, totpSecret } = await createTestUser({ roles: ['moderator'], totp: true });
    for (let i = 0; i < LOGIN_LIMIT_PER_ACCOUNT; i += 1) await failure({ email: user.email, password: `essai ${i} au hasard` });
    const now = new Date();
    const wrongCode = generateTotp(totpSecret!, now.getTime()) === '000000' ? '111111' : '000000';
    expect(await failure({ email: user.email, password: 'pas le bon', code: generateTotp(totpSecret!, now.getTime()) }, nextTestIp(), now)).toBe('account_guarded');
    expect(await failure({ email: user.email, password: TEST_PASSWORD, code: wrongCode }, nextTestIp(), now)).toBe('account_guarded');
  });

  test('a recovery code lifts the guard as well', async () => {
    const { user } = await createTestUser({ roles: ['admin'], totp: true });
    const [code = ''] = generateRecoveryCodes(1);
    await updateUserFields(getDb(), user.id, { recoveryCodes: [hashRecoveryCode(code)] });
    for (let i = 0; i < LOGIN_LIMIT_PER_ACCOUNT; i += 1) await failure({ email: user.email, password: `essai ${i} au hasard` });
    expect(await failure({ email: user.email, password: TEST_PASSWORD, code })).toBe('signed_in');
  });

  test('an account without a second factor stays guarded until the window passes or an e-mailed reset link is used', async () => {
    const { user } = await createTestUser({ roles: ['journalist'] });
    for (let i = 0; i < LOGIN_LIMIT_PER_ACCOUNT; i += 1) {
      expect(await failure({ email: user.email, password: `mauvais essai numéro ${i}` })).toBe('invalid_credentials');
    }
    expect(await failure({ email: user.email, password: TEST_PASSWORD })).toBe('account_guarded');
    const token = await getDb().$transaction((tx) => issueResetToken(tx, { userId: user.id, ttlMs: 60_000, now: new Date() }));
    await completePasswordReset({ token, newPassword: 'une toute nouvelle phrase secrète' });
    expect(await failure({ email: user.email, password: 'une toute nouvelle phrase secrète' })).toBe('signed_in');
  });

  test('one address spraying many accounts is refused after the per-source limit', async () => {
    const ip = nextTestIp();
    for (let i = 0; i < LOGIN_LIMIT_PER_SOURCE; i += 1) {
      expect(await failure({ email: `spray-${i}@test.example`, password: 'une tentative au hasard' }, ip)).toBe('invalid_credentials');
    }
    const { user } = await createTestUser();
    expect(await failure({ email: user.email, password: TEST_PASSWORD }, ip)).toBe('rate_limited');
    expect(await failure({ email: user.email, password: TEST_PASSWORD }, nextTestIp())).toBe('signed_in');
  });

  test('a successful sign-in resets the account counter', async () => {
    const { user } = await createTestUser();
    for (let i = 0; i < LOGIN_LIMIT_PER_ACCOUNT - 1; i += 1) await failure({ email: user.email, password: `essai ${i} raté ici` });
    expect(await failure({ email: user.email, password: TEST_PASSWORD })).toBe('signed_in');
    for (let i = 0; i < LOGIN_LIMIT_PER_ACCOUNT - 1; i += 1) await failure({ email: user.email, password: `autre essai ${i} raté` });
    expect(await failure({ email: user.email, password: TEST_PASSWORD })).toBe('signed_in');
  });
});
