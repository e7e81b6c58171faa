import 'server-only';
import type { IncomingHttpHeaders } from 'node:http';
import { resolveApiKey } from '@/lib/auth/api-key-owner';
import { can } from '@/lib/auth/roles';
import { env } from '@/lib/env';
import { fingerprintRequest } from '@/lib/ingest/request-source';
import { getIngestRuntime } from '@/lib/ingest/runtime';
import { getRuntimeSettings } from '@/lib/settings/runtime';
import { PEER_HEADER } from '@/lib/http/peer';
import {
  apiKeyWithoutRight,
  invalidApiKey,
  parseAuthorization,
  READ_WINDOW_MS,
  readLimitKey,
  readRateLimited,
  type ReadTier,
} from '@/lib/http/read-limit';
import { withTimeout } from '@/lib/http/timeout';

export type ReadAccess = { tier: ReadTier; limit: number; count: number };

const ACCESS_HEADERS = ['authorization', 'user-agent', 'x-forwarded-for', PEER_HEADER] as const;

/** The request headers requireReadAccess reads, from a Node request (fast paths of scripts/serve.ts). */
export function readAccessHeaders(raw: IncomingHttpHeaders): Headers {
  const headers = new Headers();
  for (const name of ACCESS_HEADERS) {
    const value = raw[name];
    if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
  }
  return headers;
}

/** Counts one hit of this request's source fingerprint in the bucket `key(fingerprint)` (shared store). */
export async function hitSourceLimit(headers: Headers, input: { now: Date; limit: number; windowMs: number; key: (fingerprint: string) => string }): Promise<{ allowed: boolean; count: number; retryAfterMs: number }> {
  const { fingerprint } = await fingerprintRequest(headers, { now: input.now, timeoutMs: env.DB_TIMEOUT_MS });
  return getIngestRuntime().store.hit(input.key(fingerprint), input.windowMs, input.limit, input.now.getTime());
}

function hitSource(headers: Headers, now: Date, limit: number) {
  return hitSourceLimit(headers, { now, limit, windowMs: READ_WINDOW_MS, key: (fp) => readLimitKey('anonymous', fp) });
}

/**
 * Public read APIs (GET JSON): counts this request against the caller's limit and returns its tier.
 * Without a key: per source fingerprint. With `Authorization: Bearer <key>` of a journalist: per key,
 * higher limit. Throws 429 (Retry-After) over the limit, 401 for an unknown, revoked or malformed key
 * (counted against the source, so guessing keys is limited too), 403 when the owner lost the right.
 */
export async function requireReadAccess(req: { headers: Headers }, now = new Date()): Promise<ReadAccess> {
  const settings = await getRuntimeSettings();
  const credential = parseAuthorization(req.headers.get('authorization'));
  const owner = credential.kind === 'bearer' ? await withTimeout(resolveApiKey(credential.key), env.DB_TIMEOUT_MS) : null;
  if (!owner) {
    const limit = settings.readLimitPerMinute;
    const hit = await hitSource(req.headers, now, limit);
    if (!hit.allowed) throw readRateLimited('anonymous', limit, hit.retryAfterMs);
    if (credential.kind !== 'none') throw invalidApiKey(credential);
    return { tier: 'anonymous', limit, count: hit.count };
  }
  if (!can({ roles: owner.roles, mfa: false }, 'apikeys.own')) throw apiKeyWithoutRight();
  const limit = settings.readLimitApiKeyPerMinute;
  const hit = await getIngestRuntime().store.hit(readLimitKey('api_key', owner.keyId), READ_WINDOW_MS, limit, now.getTime());
  if (!hit.allowed) throw readRateLimited('api_key', limit, hit.retryAfterMs);
  return { tier: 'api_key', limit, count: hit.count };
}
