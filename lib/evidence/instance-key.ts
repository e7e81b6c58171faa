import 'server-only';
import { env } from '@/lib/env';
import { loadSigningKey, type SigningKey } from './signing-key';

let cached: SigningKey | null = null;

/** This instance's ledger key (see loadSigningKey), read once per process. */
export function instanceKey(): SigningKey {
  cached ??= loadSigningKey({ configured: env.LEDGER_SIGNING_KEY, dataDir: env.DATA_DIR });
  return cached;
}
