import { createPrivateKey, createPublicKey, generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import path from 'node:path';
import { loadOrCreateSecretFileSync } from '@/lib/security/secret-file';
import { base64ToBytes, keyIdOf } from './signature';
import { bytesToHex } from './hash';

export type SigningKey = { privateKey: KeyObject; publicKeyHex: string; keyId: string };

export const KEY_FILE_NAME = 'ledger-ed25519.pem';
// PKCS#8 header of an Ed25519 private key (RFC 8410): the 32-byte seed follows.
const PKCS8_ED25519_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');

function toSigningKey(privateKey: KeyObject): SigningKey {
  const jwk = createPublicKey(privateKey).export({ format: 'jwk' });
  const publicKeyHex = bytesToHex(base64ToBytes((jwk.x ?? '').replace(/-/g, '+').replace(/_/g, '/')));
  return { privateKey, publicKeyHex, keyId: keyIdOf(publicKeyHex) };
}

/** A 32-byte seed in base64 (LEDGER_SIGNING_KEY) as an Ed25519 private key. */
export function keyFromSeed(seedBase64: string): SigningKey {
  const seed = Buffer.from(seedBase64, 'base64');
  if (seed.length !== 32) throw new Error('LEDGER_SIGNING_KEY doit être 32 octets en base64');
  return toSigningKey(createPrivateKey({ key: Buffer.concat([PKCS8_ED25519_PREFIX, seed]), format: 'der', type: 'pkcs8' }));
}

/**
 * The instance's ledger key: LEDGER_SIGNING_KEY when set, else DATA_DIR/ledger-ed25519.pem, created (mode 0600,
 * folder 0700) on first use by the same file-secret loader as the session secret. The private key never enters the
 * database, so a database dump cannot sign.
 */
export function loadSigningKey(input: { configured?: string; dataDir: string }): SigningKey {
  if (input.configured) return keyFromSeed(input.configured);
  const { secret: pem } = loadOrCreateSecretFileSync(path.join(input.dataDir, KEY_FILE_NAME), () =>
    generateKeyPairSync('ed25519').privateKey.export({ format: 'pem', type: 'pkcs8' }).toString(),
  );
  return toSigningKey(createPrivateKey(pem));
}

export function signText(key: SigningKey, text: string): string {
  return sign(null, Buffer.from(text, 'utf8'), key.privateKey).toString('base64');
}
