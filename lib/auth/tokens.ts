import { createHash, randomBytes } from 'node:crypto';

/** An unguessable single-use token (256 bits, base64url) for links and session ids. */
export function randomToken(): string {
  return randomBytes(32).toString('base64url');
}

/** Tokens are stored only as their SHA-256: a database dump yields no usable link or session. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
