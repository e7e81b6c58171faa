import 'server-only';
import { createHmac, randomBytes } from 'node:crypto';
import { getDb } from '@/lib/db/client';
import { env } from '@/lib/env';
import { requestClientIp } from '@/lib/ingest/request-source';
import { createSharedStore } from '@/lib/ratelimit/shared-store';
import type { RateLimitStore } from '@/lib/ratelimit/types';

const SECRET_KEY = 'nextauth_secret';

const holder = globalThis as unknown as { __auth?: { secret: Promise<string> | null; store: RateLimitStore } };

function runtime() {
  holder.__auth ??= {
    secret: null,
    store: createSharedStore({ redisUrl: env.REDIS_URL, prefix: 'auth:', maxKeys: 100_000, label: 'auth' }),
  };
  return holder.__auth;
}

async function loadSecret(): Promise<string> {
  if (env.NEXTAUTH_SECRET) return env.NEXTAUTH_SECRET;
  const db = getDb();
  await db.setting.upsert({
    where: { key: SECRET_KEY },
    create: { key: SECRET_KEY, value: randomBytes(32).toString('base64url') },
    update: {},
  });
  const row = await db.setting.findUniqueOrThrow({ where: { key: SECRET_KEY } });
  if (typeof row.value !== 'string' || row.value.length < 32) throw new Error('Secret de session invalide en base.');
  return row.value;
}

/** NEXTAUTH_SECRET, or a secret generated once and kept in the database (shared by every instance). */
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

/** An opaque per-source key for throttling: HMAC of the client address, never the address itself. */
export async function requestSourceKey(headers: Headers): Promise<string> {
  const ip = requestClientIp(headers);
  return createHmac('sha256', await getAuthSecret()).update(`login-source|${ip ?? 'unknown'}`).digest('hex').slice(0, 32);
}

/** Secure cookies (`__Secure-` names) when the public URL is https. */
export function usesSecureCookies(): boolean {
  return env.NEXTAUTH_URL?.startsWith('https://') ?? false;
}
