import { USER_ROLES, type UserRole } from '@/lib/domain/types';
import type { Prisma } from '@/lib/generated/prisma/client';
import type { DbLike, Tx } from './audit';

export type UserRecord = {
  id: string;
  email: string;
  name: string | null;
  emailVerified: Date | null;
  passwordHash: string | null;
  totpSecret: string | null;
  totpEnabledAt: Date | null;
  recoveryCodeCount: number;
  disabledAt: Date | null;
  roles: UserRole[];
  createdAt: Date;
};

export type UserSummary = Omit<UserRecord, 'passwordHash' | 'totpSecret'> & { activeSessions: number };

type UserRow = Prisma.UserGetPayload<{ include: { roles: true } }>;

function isUserRole(value: string): value is UserRole {
  return (USER_ROLES as readonly string[]).includes(value);
}

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

function toUserRecord(row: UserRow): UserRecord {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    emailVerified: row.emailVerified,
    passwordHash: row.passwordHash,
    totpSecret: row.totpSecret,
    totpEnabledAt: row.totpEnabledAt,
    recoveryCodeCount: row.recoveryCodes.length,
    disabledAt: row.disabledAt,
    roles: row.roles.map((r) => r.role).filter(isUserRole).sort(),
    createdAt: row.createdAt,
  };
}

export async function findUserByEmail(db: DbLike, email: string): Promise<UserRecord | null> {
  const row = await db.user.findUnique({ where: { email: normalizeEmail(email) }, include: { roles: true } });
  return row ? toUserRecord(row) : null;
}

export async function getUserById(db: DbLike, id: string): Promise<UserRecord | null> {
  const row = await db.user.findUnique({ where: { id }, include: { roles: true } });
  return row ? toUserRecord(row) : null;
}

export async function findUserByAccount(db: DbLike, provider: string, providerAccountId: string): Promise<UserRecord | null> {
  const account = await db.account.findUnique({
    where: { provider_providerAccountId: { provider, providerAccountId } },
    include: { user: { include: { roles: true } } },
  });
  return account ? toUserRecord(account.user) : null;
}

export async function listUsers(db: DbLike, now: Date): Promise<UserSummary[]> {
  const rows = await db.user.findMany({
    include: { roles: true, _count: { select: { sessions: { where: { expires: { gt: now } } } } } },
    orderBy: { email: 'asc' },
  });
  return rows.map((row) => {
    const { passwordHash: _p, totpSecret: _t, ...rest } = toUserRecord(row);
    return { ...rest, activeSessions: row._count.sessions };
  });
}

export async function createUserRow(
  tx: Tx,
  input: { email: string; name: string | null; roles: UserRole[]; passwordHash: string | null },
): Promise<UserRecord> {
  const row = await tx.user.create({
    data: {
      email: normalizeEmail(input.email),
      name: input.name,
      passwordHash: input.passwordHash,
      roles: { create: input.roles.map((role) => ({ role })) },
    },
    include: { roles: true },
  });
  return toUserRecord(row);
}

export async function replaceUserRoles(tx: Tx, userId: string, roles: UserRole[]): Promise<void> {
  await tx.userRole.deleteMany({ where: { userId, role: { notIn: roles } } });
  await tx.userRole.createMany({ data: roles.map((role) => ({ userId, role })), skipDuplicates: true });
}

/** Enabled holders of `role`, to keep at least one administrator. */
export async function countUsersWithRole(db: DbLike, role: UserRole): Promise<number> {
  return db.user.count({ where: { disabledAt: null, roles: { some: { role } } } });
}

export async function updateUserFields(
  db: DbLike,
  userId: string,
  data: {
    email?: string;
    emailVerified?: Date | null;
    name?: string | null;
    passwordHash?: string;
    disabledAt?: Date | null;
    totpSecret?: string | null;
    totpEnabledAt?: Date | null;
    totpLastStep?: number | null;
    recoveryCodes?: string[];
  },
): Promise<UserRecord> {
  const row = await db.user.update({
    where: { id: userId },
    data: { ...data, ...(data.email ? { email: normalizeEmail(data.email) } : {}) },
    include: { roles: true },
  });
  return toUserRecord(row);
}

/** Accepts a TOTP time step once: false when this or a later step was already used (replay). */
export async function claimTotpStep(db: DbLike, userId: string, step: number): Promise<boolean> {
  const result = await db.user.updateMany({
    where: { id: userId, OR: [{ totpLastStep: null }, { totpLastStep: { lt: step } }] },
    data: { totpLastStep: step },
  });
  return result.count === 1;
}

/** Removes one recovery code atomically: true when it was there (each code works once). */
export async function consumeRecoveryCode(db: DbLike, userId: string, codeHash: string): Promise<boolean> {
  const count = await db.$executeRaw`
    UPDATE "user" SET recovery_codes = array_remove(recovery_codes, ${codeHash}), updated_at = now()
    WHERE id = ${userId} AND ${codeHash} = ANY(recovery_codes)`;
  return count === 1;
}

export type SessionRecord = { id: string; userId: string; expires: Date; mfaVerifiedAt: Date | null; user: UserRecord };

export async function createSessionRow(
  db: DbLike,
  input: { tokenHash: string; userId: string; expires: Date; mfaVerifiedAt: Date | null },
): Promise<string> {
  const row = await db.session.create({
    data: { sessionToken: input.tokenHash, userId: input.userId, expires: input.expires, mfaVerifiedAt: input.mfaVerifiedAt },
    select: { id: true },
  });
  return row.id;
}

/** The live session of this token: not expired, user not disabled. */
export async function findActiveSession(db: DbLike, tokenHash: string, now: Date): Promise<SessionRecord | null> {
  const row = await db.session.findUnique({ where: { sessionToken: tokenHash }, include: { user: { include: { roles: true } } } });
  if (!row || row.expires <= now || row.user.disabledAt) return null;
  return { id: row.id, userId: row.userId, expires: row.expires, mfaVerifiedAt: row.mfaVerifiedAt, user: toUserRecord(row.user) };
}

export async function markSessionMfa(db: DbLike, sessionId: string, now: Date): Promise<void> {
  await db.session.update({ where: { id: sessionId }, data: { mfaVerifiedAt: now } });
}

export async function deleteSessionByToken(db: DbLike, tokenHash: string): Promise<void> {
  await db.session.deleteMany({ where: { sessionToken: tokenHash } });
}

/** Ends every session of a user (or all but one); returns how many ended. */
export async function deleteUserSessions(db: DbLike, userId: string, exceptSessionId?: string): Promise<number> {
  const result = await db.session.deleteMany({ where: { userId, ...(exceptSessionId ? { id: { not: exceptSessionId } } : {}) } });
  return result.count;
}

export type TokenPurpose = 'password-reset' | 'email-change';

/** One live token per user and purpose: issuing a new one voids the previous. */
export async function replaceUserToken(
  tx: Tx,
  input: { purpose: TokenPurpose; userId: string; tokenHash: string; expires: Date; payload?: string },
): Promise<void> {
  await tx.verificationToken.deleteMany({ where: { identifier: { startsWith: `${input.purpose}:${input.userId}:` } } });
  await tx.verificationToken.create({
    data: { identifier: `${input.purpose}:${input.userId}:${input.payload ?? ''}`, token: input.tokenHash, expires: input.expires },
  });
}

/** Deletes the token whatever its state (single use) and returns its user and payload when it was live. */
export async function consumeUserToken(
  tx: Tx,
  input: { purpose: TokenPurpose; tokenHash: string; now: Date },
): Promise<{ userId: string; payload: string } | null> {
  const row = await tx.verificationToken.findUnique({ where: { token: input.tokenHash } });
  if (!row || !row.identifier.startsWith(`${input.purpose}:`)) return null;
  await tx.verificationToken.delete({ where: { token: input.tokenHash } });
  if (row.expires <= input.now) return null;
  const [, userId = '', ...rest] = row.identifier.split(':');
  return { userId, payload: rest.join(':') };
}

export async function createVerificationTokenRow(db: DbLike, input: { identifier: string; token: string; expires: Date }) {
  await db.verificationToken.create({ data: input });
  return input;
}

export async function useVerificationTokenRow(db: DbLike, input: { identifier: string; token: string }) {
  const row = await db.verificationToken.findUnique({ where: { identifier_token: input } });
  if (!row) return null;
  await db.verificationToken.delete({ where: { identifier_token: input } });
  return { identifier: row.identifier, token: row.token, expires: row.expires };
}

export async function linkAccountRow(
  db: DbLike,
  input: Omit<Prisma.AccountUncheckedCreateInput, 'id' | 'createdAt' | 'updatedAt'>,
): Promise<void> {
  await db.account.create({ data: input });
}

export type ApiKeySummary = { id: string; name: string; prefix: string; createdAt: Date; lastUsedAt: Date | null; revokedAt: Date | null };

export async function listApiKeys(db: DbLike, userId: string): Promise<ApiKeySummary[]> {
  return db.apiKey.findMany({
    where: { userId },
    select: { id: true, name: true, prefix: true, createdAt: true, lastUsedAt: true, revokedAt: true },
    orderBy: { createdAt: 'desc' },
  });
}

export async function createApiKeyRow(tx: Tx, input: { userId: string; name: string; hash: string; prefix: string }): Promise<ApiKeySummary> {
  return tx.apiKey.create({
    data: input,
    select: { id: true, name: true, prefix: true, createdAt: true, lastUsedAt: true, revokedAt: true },
  });
}

/** Revokes the caller's own key; false when it is not theirs or already revoked. */
export async function revokeApiKeyRow(tx: Tx, input: { id: string; userId: string; now: Date }): Promise<boolean> {
  const result = await tx.apiKey.updateMany({ where: { id: input.id, userId: input.userId, revokedAt: null }, data: { revokedAt: input.now } });
  return result.count === 1;
}

/** The owner of a live key and their roles (for read APIs that grant higher limits). */
export async function findApiKeyOwner(db: DbLike, hash: string): Promise<{ keyId: string; userId: string; roles: UserRole[] } | null> {
  const row = await db.apiKey.findUnique({ where: { hash }, include: { user: { include: { roles: true } } } });
  if (!row || row.revokedAt || row.user.disabledAt) return null;
  return { keyId: row.id, userId: row.userId, roles: row.user.roles.map((r) => r.role).filter(isUserRole) };
}
