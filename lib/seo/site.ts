import 'server-only';
import { env } from '@/lib/env';

/**
 * Origin of the public site, from NEXTAUTH_URL (links are never built from the Host header); null
 * when unset: sharing links then stay relative and the browser completes them.
 */
export function siteOrigin(): string | null {
  return env.NEXTAUTH_URL ? new URL(env.NEXTAUTH_URL).origin : null;
}
