import 'server-only';
import { createHmac } from 'node:crypto';
import path from 'node:path';
import { getDb } from '@/lib/db/client';
import { deleteSetting, readSecretSetting } from '@/lib/db/settings';
import { env } from '@/lib/env';
import { requestSourceKey } from '@/lib/ingest/request-source';
import { createSharedStore } from '@/lib/ratelimit/shared-store';
import type { RateLimitStore } from '@/lib/ratelimit/types';
import { AUTH_SECRET_FILE, loadOrCreateSecretFile, secretsDir } from '@/lib/security/secret-file';

const SECRET_KEY = 'nextauth_secret';

const holder = globalThis as unknown as { __auth?: { secret: Promise<string> | null; store: RateLimitStore } };

function runtime() {
  holder.__auth ??= {
    secret: null,
    store: createSharedStore({ redisUrl: env.REDIS_URL, prefix: 'auth:', maxKeys: 100_000, label: 'auth' }),
  };
  return holder.__auth;
}

/** Before secrets left the database, the session secret sat in the settings table: read it to move it once. */
async function legacySecret(): Promise<string | null> {
  return readSecretSetting(getDb(), SECRET_KEY);
}

async function loadSecret(): Promise<string> {
  if (env.NEXTAUTH_SECRET) return env.NEXTAUTH_SECRET;
  const file = path.join(secretsDir({ secretsDir: env.SECRETS_DIR, dataDir: env.DATA_DIR }), AUTH_SECRET_FILE);
  const { secret } = await loadOrCreateSecretFile(file, legacySecret);
  // Whoever can read the data must not be able to sign sessions: the copy in the database goes.
  await deleteSetting(getDb(), SECRET_KEY);
  return secret;
}

/**
 * NEXTAUTH_SECRET, or a secret generated once in a 0600 file outside the database (SECRETS_DIR).
 * Several instances on several hosts must share NEXTAUTH_SECRET (docs/security.md).
 */
export function getAuthSecret(): Promise<string> {
  const state = runtime();
  state.secret ??= loadSecret().catch((error: unknown) => {
    state.secret = null;
    throw error;
  });
  return state.secret;
}

/** The limiter store of sign-in attempts: in memory, or Redis when REDIS_URL is set (shared by instances). */
export function getAuthThrottleStore(): RateLimitStore {
  return runtime().store;
}

/** An opaque per-source key for sign-in throttling: HMAC of the request's source key, never the address itself. */
export async function loginSourceKey(headers: Headers): Promise<string> {
  return createHmac('sha256', await getAuthSecret()).update(`login-source|${requestSourceKey(headers)}`).digest('hex').slice(0, 32);
}

/** Secure cookies (`__Secure-` names) when the public URL is https. */
export function usesSecureCookies(): boolean {
  return env.NEXTAUTH_URL?.startsWith('https://') ?? false;
}
