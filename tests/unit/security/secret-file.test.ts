import { generateKeyPairSync } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { KEY_FILE_NAME, keyFromSeed, loadSigningKey } from '@/lib/evidence/signing-key';
import { loadOrCreateSecretFile, secretsDir } from '@/lib/security/secret-file';

const dirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'secret-file-'));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('secretsDir', () => {
  test('is SECRETS_DIR, else .ecole-secrets beside the data folder (never inside it)', () => {
    expect(secretsDir({ secretsDir: '/run/secrets/ecole', dataDir: './.data' })).toBe('/run/secrets/ecole');
    expect(secretsDir({ secretsDir: undefined, dataDir: '/srv/ecole/data' })).toBe('/srv/ecole/.ecole-secrets');
  });
});

describe('loadOrCreateSecretFile', () => {
  test('creates a random secret in a 0600 file inside a 0700 folder, then reads the same one back', async () => {
    const file = path.join(tempDir(), 'secrets', 'auth-secret');
    const first = await loadOrCreateSecretFile(file);
    expect(first.created).toBe(true);
    expect(first.secret.length).toBeGreaterThanOrEqual(32);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(statSync(path.dirname(file)).mode & 0o777).toBe(0o700);
    expect(await loadOrCreateSecretFile(file)).toEqual({ secret: first.secret, created: false });
  });

  test('moves the initial value (the secret formerly in the database) into the file', async () => {
    const file = path.join(tempDir(), 'auth-secret');
    const legacy = 'l'.repeat(43);
    expect((await loadOrCreateSecretFile(file, async () => legacy)).secret).toBe(legacy);
    expect(readFileSync(file, 'utf8').trim()).toBe(legacy);
  });

  test('concurrent first uses agree on one secret', async () => {
    const file = path.join(tempDir(), 'auth-secret');
    const results = await Promise.all(Array.from({ length: 8 }, () => loadOrCreateSecretFile(file)));
    expect(new Set(results.map((r) => r.secret)).size).toBe(1);
  });

  test('tightens a file left readable by others', async () => {
    const file = path.join(tempDir(), 'auth-secret');
    writeFileSync(file, 's'.repeat(40), { mode: 0o644 });
    expect((await loadOrCreateSecretFile(file)).secret).toBe('s'.repeat(40));
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });
});

describe('loadSigningKey (the ledger key goes through the same loader)', () => {
  test('creates DATA_DIR/ledger-ed25519.pem (0600) once, and signs with the same key afterwards', () => {
    const dataDir = path.join(tempDir(), 'data');
    const first = loadSigningKey({ dataDir });
    const file = path.join(dataDir, KEY_FILE_NAME);
    expect(readFileSync(file, 'utf8')).toMatch(/^-----BEGIN PRIVATE KEY-----\n/);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(loadSigningKey({ dataDir }).publicKeyHex).toBe(first.publicKeyHex);
  });

  test('reads a key file written before, unchanged', () => {
    const dataDir = tempDir();
    const { privateKey, publicKey } = generateKeyPairSync('ed25519');
    writeFileSync(path.join(dataDir, KEY_FILE_NAME), privateKey.export({ format: 'pem', type: 'pkcs8' }), { mode: 0o600 });
    const raw = publicKey.export({ format: 'der', type: 'spki' }).subarray(-32).toString('hex');
    expect(loadSigningKey({ dataDir }).publicKeyHex).toBe(raw);
  });

  test('LEDGER_SIGNING_KEY wins over the file', () => {
    const dataDir = tempDir();
    const seed = Buffer.alloc(32, 7).toString('base64');
    expect(loadSigningKey({ configured: seed, dataDir }).keyId).toBe(keyFromSeed(seed).keyId);
    expect(existsSync(path.join(dataDir, KEY_FILE_NAME))).toBe(false);
  });
});
