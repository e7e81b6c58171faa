import 'server-only';
import { headers } from 'next/headers';
import { env } from '@/lib/env';

/**
 * Origin of the public site: NEXTAUTH_URL (the configured public URL) when set, else the request's
 * Host (only used to write absolute links for sharing, never for access decisions).
 */
export async function siteOrigin(): Promise<string | null> {
  if (env.NEXTAUTH_URL) return new URL(env.NEXTAUTH_URL).origin;
  const h = await headers();
  const host = h.get('host');
  if (!host || !/^[a-z0-9.-]+(:\d+)?$/i.test(host)) return null;
  const proto = h.get('x-forwarded-proto') === 'https' ? 'https' : 'http';
  return `${proto}://${host}`;
}
