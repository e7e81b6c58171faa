import 'server-only';
import { getDb } from '@/lib/db/client';
import { findApiKeyOwner } from '@/lib/db/users';
import type { UserRole } from './roles';
import { hashToken } from './tokens';

// No session or next/headers import here: the fast paths of scripts/serve.ts resolve keys outside Next.js.
export const API_KEY_PREFIX = 'eep_';

/** For read APIs: the owner of a live key (roles decide its limits), or null. */
export async function resolveApiKey(raw: string | null): Promise<{ keyId: string; userId: string; roles: UserRole[] } | null> {
  if (!raw?.startsWith(API_KEY_PREFIX) || raw.length > 100) return null;
  return findApiKeyOwner(getDb(), hashToken(raw));
}
