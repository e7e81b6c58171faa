import 'server-only';
import { getDb } from '@/lib/db/client';
import { findApiKeyOwner } from '@/lib/db/users';
import type { UserRole } from './roles';
import { hashToken } from './tokens';

// No session or next/headers import here: the fast paths of scripts/serve.ts resolve keys outside Next.js.
export const API_KEY_PREFIX = 'eep_';
/** A revoked key, or an owner disabled or given other roles, is seen by other instances within this delay (ms). */
export const API_KEY_CACHE_TTL_MS = 10_000;
const CACHE_MAX_ENTRIES = 10_000;

export type ApiKeyOwner = { keyId: string; userId: string; roles: UserRole[] };

type Entry = { owner: ApiKeyOwner | null; expiresAt: number };
// One cache per process, shared by the Next.js bundles and the fast paths of scripts/serve.ts.
const holder = globalThis as unknown as { __apiKeyOwners?: Map<string, Entry> };

function cache(): Map<string, Entry> {
  holder.__apiKeyOwners ??= new Map();
  return holder.__apiKeyOwners;
}

/** For read APIs: the owner of a live key (roles decide its limits), or null; cached by key hash for a few seconds. */
export async function resolveApiKey(raw: string | null, now = Date.now()): Promise<ApiKeyOwner | null> {
  if (!raw?.startsWith(API_KEY_PREFIX) || raw.length > 100) return null;
  const hash = hashToken(raw);
  const entries = cache();
  const cached = entries.get(hash);
  if (cached && now < cached.expiresAt) return cached.owner;
  const owner = await findApiKeyOwner(getDb(), hash);
  entries.delete(hash);
  if (entries.size >= CACHE_MAX_ENTRIES) entries.delete(entries.keys().next().value as string);
  entries.set(hash, { owner, expiresAt: now + API_KEY_CACHE_TTL_MS });
  return owner;
}

/** After a key is revoked or its owner changes on this instance, so the change applies here at once. */
export function forgetApiKeyOwners(): void {
  cache().clear();
}
