import 'server-only';
import type { AuditAction, AuditActor } from '@/lib/domain/audit';
import { appendAudit, type Tx } from '@/lib/db/audit';
import { getDb } from '@/lib/db/client';
import {
  countUsersWithRole,
  createUserRow,
  deleteUserSessions,
  findUserByEmail,
  getUserById,
  listUsers,
  replaceUserRoles,
  updateUserFields,
  type UserRecord,
  type UserSummary,
} from '@/lib/db/users';
import { AppError } from '@/lib/http/errors';
import { INVITE_LINK_TTL_MS, issueResetToken, RESET_LINK_TTL_MS, resetPath } from './account-links';
import { env } from '@/lib/env';
import { shareableLink } from './shareable-link';
import { forgetApiKeyOwners } from './api-key-owner';
import type { UserRole } from './roles';
import type { UserCreateInput, UserUpdateInput } from './schema';

export function listUsersForAdmin(now = new Date()): Promise<UserSummary[]> {
  return listUsers(getDb(), now);
}

/** A new account without password: the returned one-time link (72 h) lets its owner choose one. */
export async function createUser(actor: AuditActor, input: UserCreateInput, now = new Date()): Promise<{ user: UserRecord; link: string; linkNote: string | null }> {
  if (await findUserByEmail(getDb(), input.email)) throw new AppError('conflict', 'Un compte existe déjà avec cette adresse.');
  return getDb().$transaction(async (tx) => {
    const user = await createUserRow(tx, { email: input.email, name: input.name, roles: input.roles, passwordHash: null });
    const token = await issueResetToken(tx, { userId: user.id, ttlMs: INVITE_LINK_TTL_MS, now });
    await appendAudit(tx, { actor, action: 'user.created', targetType: 'user', targetId: user.id, after: { email: user.email, roles: user.roles } }, now);
    const { link, note } = shareableLink(resetPath(token), env.NEXTAUTH_URL);
    return { user, link, linkNote: note };
  });
}

async function keepOneAdmin(tx: Tx, user: UserRecord, nextRoles: UserRole[] | null): Promise<void> {
  const losesAdmin = user.roles.includes('admin') && !user.disabledAt && !(nextRoles ?? []).includes('admin');
  if (losesAdmin && (await countUsersWithRole(tx, 'admin')) <= 1) {
    throw new AppError('conflict', 'Il doit rester au moins un administrateur actif.');
  }
}

type Change = { action: AuditAction; before?: unknown; after?: unknown; link?: string; linkNote?: string | null };

async function applyUpdate(tx: Tx, actor: AuditActor, user: UserRecord, input: UserUpdateInput, now: Date): Promise<Change> {
  switch (input.op) {
    case 'set_roles': {
      const roles = [...new Set(input.roles ?? [])].sort();
      await keepOneAdmin(tx, user, roles);
      await replaceUserRoles(tx, user.id, roles);
      return { action: 'user.roles_changed', before: { roles: user.roles }, after: { roles } };
    }
    case 'disable': {
      if (user.id === actor.userId) throw new AppError('conflict', 'Vous ne pouvez pas désactiver votre propre compte.');
      await keepOneAdmin(tx, user, null);
      await updateUserFields(tx, user.id, { disabledAt: now });
      const ended = await deleteUserSessions(tx, user.id);
      return { action: 'user.disabled', before: { disabled: Boolean(user.disabledAt) }, after: { disabled: true, sessionsEnded: ended } };
    }
    case 'enable':
      await updateUserFields(tx, user.id, { disabledAt: null });
      return { action: 'user.enabled', before: { disabled: Boolean(user.disabledAt) }, after: { disabled: false } };
    case 'revoke_sessions':
      return { action: 'user.sessions_revoked', after: { sessionsEnded: await deleteUserSessions(tx, user.id) } };
    case 'issue_reset_link': {
      const token = await issueResetToken(tx, { userId: user.id, ttlMs: RESET_LINK_TTL_MS, now });
      const { link, note } = shareableLink(resetPath(token), env.NEXTAUTH_URL);
      return { action: 'user.reset_link_issued', after: { via: 'admin' }, link, linkNote: note };
    }
    case 'reset_totp': {
      await updateUserFields(tx, user.id, { totpSecret: null, totpEnabledAt: null, totpLastStep: null, recoveryCodes: [] });
      const ended = await deleteUserSessions(tx, user.id);
      return { action: 'user.totp_reset', before: { totp: Boolean(user.totpEnabledAt) }, after: { totp: false, sessionsEnded: ended } };
    }
  }
}

/** One administrative change to an account, audited in the same transaction. */
export async function updateUser(actor: AuditActor, input: UserUpdateInput, now = new Date()): Promise<{ link?: string; linkNote?: string | null }> {
  const result = await getDb().$transaction(async (tx) => {
    const user = await getUserById(tx, input.userId);
    if (!user) throw new AppError('not_found', 'Compte introuvable.');
    const change = await applyUpdate(tx, actor, user, input, now);
    await appendAudit(tx, { actor, action: change.action, targetType: 'user', targetId: user.id, before: change.before, after: change.after, reason: input.reason ? input.reason : null }, now);
    return change.link ? { link: change.link, linkNote: change.linkNote ?? null } : {};
  });
  // Roles and the disabled flag decide what the user's API keys may do.
  forgetApiKeyOwners();
  return result;
}
