import { randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export const AUTH_SECRET_FILE = 'auth-secret';
const MIN_LENGTH = 32;

/** The folder of secrets that must not sit in the database: SECRETS_DIR, else `.ecole-secrets` beside the data folder. */
export function secretsDir(input: { secretsDir: string | undefined; dataDir: string }): string {
  return input.secretsDir ? path.resolve(input.secretsDir) : path.join(path.dirname(path.resolve(input.dataDir)), '.ecole-secrets');
}

function readSecret(file: string): string | null {
  try {
    if ((statSync(file).mode & 0o077) !== 0) chmodSync(file, 0o600);
    const value = readFileSync(file, 'utf8').trim();
    return value.length >= MIN_LENGTH ? value : null;
  } catch {
    return null;
  }
}

function readSecretOrNull(file: string): { secret: string; created: false } | null {
  const existing = readSecret(file);
  return existing ? { secret: existing, created: false } : null;
}

/** Writes `candidate` unless the file exists; when another process wrote it first, theirs is the secret. */
function writeOnce(file: string, candidate: string): { secret: string; created: boolean } {
  mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  chmodSync(path.dirname(file), 0o700);
  try {
    writeFileSync(file, `${candidate}\n`, { flag: 'wx', mode: 0o600 });
    return { secret: candidate, created: true };
  } catch (error) {
    const winner = readSecret(file);
    if (winner) return { secret: winner, created: false };
    throw error;
  }
}

/**
 * The one loader of secrets kept in files (the session secret, the ledger's signing key): the text of `file` (mode
 * 0600, folder 0700, tightened when found looser), created on first use from `create()`. Concurrent processes
 * agree: the first writer wins and the others read its file.
 */
export function loadOrCreateSecretFileSync(file: string, create: () => string): { secret: string; created: boolean } {
  return readSecretOrNull(file) ?? writeOnce(file, create());
}

/** As loadOrCreateSecretFileSync, the first value from `initial()` (e.g. a secret being moved out of the database), else random. */
export async function loadOrCreateSecretFile(file: string, initial: () => Promise<string | null> = async () => null): Promise<{ secret: string; created: boolean }> {
  return readSecretOrNull(file) ?? writeOnce(file, (await initial()) ?? randomBytes(32).toString('base64url'));
}
