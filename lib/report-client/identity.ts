import { TOKEN_PATTERN } from '@/lib/ingest/thresholds';
import type { StorageLike } from './outbox-store';

export const DEVICE_TOKEN_KEY = 'deviceToken';

type RandomSource = Pick<Crypto, 'getRandomValues'> & { randomUUID?: () => string };

export function isValidToken(value: unknown): value is string {
  return typeof value === 'string' && TOKEN_PATTERN.test(value);
}

function base64Url(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/**
 * A random idempotency key or device token: a UUID where `crypto.randomUUID` exists (secure
 * contexts only), otherwise 128 random bits in base64url. Both match the server's token pattern.
 */
export function createRandomToken(random: RandomSource = globalThis.crypto): string {
  if (typeof random.randomUUID === 'function') return random.randomUUID();
  return base64Url(random.getRandomValues(new Uint8Array(16)));
}

/** The random token of this browser, created on first use; undefined when storage is unavailable. */
export function readDeviceToken(
  storage: StorageLike | null,
  create: () => string = createRandomToken,
): string | undefined {
  if (!storage) return undefined;
  try {
    const existing = storage.getItem(DEVICE_TOKEN_KEY);
    if (isValidToken(existing)) return existing;
    const token = create();
    storage.setItem(DEVICE_TOKEN_KEY, token);
    return token;
  } catch {
    return undefined;
  }
}
