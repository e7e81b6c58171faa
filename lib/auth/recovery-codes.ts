import { randomBytes } from 'node:crypto';
import { base32Encode } from './totp';
import { hashToken } from './tokens';

export const RECOVERY_CODE_COUNT = 10;

/** Codes like "k7m2q-x9p4w" (50 bits each), shown once; only their hashes are kept. */
export function generateRecoveryCodes(count = RECOVERY_CODE_COUNT): string[] {
  return Array.from({ length: count }, () => {
    const raw = base32Encode(randomBytes(7)).slice(0, 10).toLowerCase();
    return `${raw.slice(0, 5)}-${raw.slice(5)}`;
  });
}

export function normalizeRecoveryCode(code: string): string {
  return code.toLowerCase().replace(/[^a-z2-7]/g, '');
}

export function hashRecoveryCode(code: string): string {
  return hashToken(`recovery:${normalizeRecoveryCode(code)}`);
}

/** A recovery code as typed: ten base32 characters, dashes and spaces ignored. */
export function looksLikeRecoveryCode(code: string): boolean {
  return normalizeRecoveryCode(code).length === 10;
}
