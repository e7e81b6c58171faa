import 'server-only';
import { appendAudit } from '@/lib/db/audit';
import { getDb } from '@/lib/db/client';
import { createApiKeyRow, listApiKeys, revokeApiKeyRow, type ApiKeySummary } from '@/lib/db/users';
import { AppError } from '@/lib/http/errors';
import { API_KEY_PREFIX, forgetApiKeyOwners } from './api-key-owner';
import { actorOf, type AuthSession } from './session';
import { hashToken, randomToken } from './tokens';

export { resolveApiKey } from './api-key-owner';

export const MAX_LIVE_KEYS = 10;

export function listOwnApiKeys(session: AuthSession): Promise<ApiKeySummary[]> {
  return listApiKeys(getDb(), session.userId);
}

/** A new key for the caller; the full key is returned once and only its hash is stored. */
export async function createApiKey(session: AuthSession, name: string, now = new Date()): Promise<{ key: string; summary: ApiKeySummary }> {
  const live = (await listApiKeys(getDb(), session.userId)).filter((k) => !k.revokedAt);
  if (live.length >= MAX_LIVE_KEYS) throw new AppError('conflict', `Au plus ${MAX_LIVE_KEYS} clés actives : révoquez-en une.`);
  const key = `${API_KEY_PREFIX}${randomToken()}`;
  const summary = await getDb().$transaction(async (tx) => {
    const row = await createApiKeyRow(tx, { userId: session.userId, name, hash: hashToken(key), prefix: key.slice(0, 12) });
    await appendAudit(tx, { actor: actorOf(session), action: 'apikey.created', targetType: 'api_key', targetId: row.id, after: { name, prefix: row.prefix } }, now);
    return row;
  });
  return { key, summary };
}

export async function revokeApiKey(session: AuthSession, id: string, now = new Date()): Promise<void> {
  await getDb().$transaction(async (tx) => {
    if (!(await revokeApiKeyRow(tx, { id, userId: session.userId, now }))) throw new AppError('not_found', 'Clé introuvable ou déjà révoquée.');
    await appendAudit(tx, { actor: actorOf(session), action: 'apikey.revoked', targetType: 'api_key', targetId: id }, now);
  });
  forgetApiKeyOwners();
}
