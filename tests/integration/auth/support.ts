import { randomUUID } from 'node:crypto';
import { encode } from 'next-auth/jwt';
import { hashPassword } from '@/lib/auth/password';
import type { UserRole } from '@/lib/auth/roles';
import { getAuthSecret } from '@/lib/auth/runtime';
import { hashToken, randomToken } from '@/lib/auth/tokens';
import { newTotpSecret } from '@/lib/auth/totp';
import { getDb } from '@/lib/db/client';
import { createSessionRow, createUserRow, updateUserFields, type UserRecord } from '@/lib/db/users';
import { peerHeaderValue } from '@/lib/http/peer';

export const TEST_PASSWORD = 'une phrase de passe assez longue';
let passwordHash: Promise<string> | null = null;

export type TestUser = { user: UserRecord; password: string; totpSecret: string | null };

/** A user with the given roles and the shared test password; with `totp`, an enabled TOTP secret. */
export async function createTestUser(opts: { roles?: UserRole[]; totp?: boolean; email?: string } = {}): Promise<TestUser> {
  passwordHash ??= hashPassword(TEST_PASSWORD);
  const email = opts.email ?? `user-${randomUUID().slice(0, 8)}@test.example`;
  const db = getDb();
  let user = await db.$transaction((tx) => createUserRow(tx, { email, name: null, roles: opts.roles ?? [], passwordHash: null }));
  const totpSecret = opts.totp ? newTotpSecret() : null;
  user = await updateUserFields(db, user.id, { passwordHash: await passwordHash, ...(totpSecret ? { totpSecret, totpEnabledAt: new Date() } : {}) });
  return { user, password: TEST_PASSWORD, totpSecret };
}

/** A signed-in session for `user` (second factor passed when `mfa`), as the Cookie header value. */
export async function sessionCookie(user: UserRecord, opts: { mfa?: boolean; expires?: Date } = {}): Promise<string> {
  const sid = randomToken();
  await createSessionRow(getDb(), {
    tokenHash: hashToken(sid),
    userId: user.id,
    expires: opts.expires ?? new Date(Date.now() + 3_600_000),
    mfaVerifiedAt: opts.mfa === false ? null : new Date(),
  });
  const jwt = await encode({ token: { sub: user.id, sid }, secret: await getAuthSecret() });
  return `next-auth.session-token=${jwt}`;
}

/** The raw cookie value of a Cookie header built by sessionCookie. */
export function cookieValue(cookie: string): string {
  return cookie.slice(cookie.indexOf('=') + 1);
}

let ipCounter = 10;
export function nextTestIp(): string {
  ipCounter += 1;
  return `203.0.${Math.floor(ipCounter / 250) % 250}.${(ipCounter % 250) + 1}`;
}

export function jsonRequest(url: string, opts: { method: string; cookie?: string; body?: unknown; origin?: string | null }): Request {
  const headers: Record<string, string> = { host: 'localhost:3000', 'x-ecole-peer': peerHeaderValue(nextTestIp()) };
  if (opts.cookie) headers.cookie = opts.cookie;
  if (opts.origin !== null) headers.origin = opts.origin ?? 'http://localhost:3000';
  const hasBody = opts.method !== 'GET' && opts.method !== 'HEAD';
  if (hasBody) headers['content-type'] = 'application/json';
  return new Request(`http://localhost:3000${url}`, { method: opts.method, headers, body: hasBody ? JSON.stringify(opts.body ?? {}) : undefined });
}
