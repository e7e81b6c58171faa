/**
 * The static security headers of every answer, in one place: next.config.ts applies them to what
 * Next.js serves, lib/server/respond.ts to what our server answers itself. HTML pages add their nonce
 * CSP and framing rule on top (lib/security/page-headers.ts, set by proxy.ts).
 */
export const BASE_SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'strict-origin-when-cross-origin',
  'permissions-policy': 'camera=(), microphone=(), payment=(), usb=(), interest-cohort=(), geolocation=(self)',
};

/** API answers are data, never a document: nothing may run, load or frame them. */
export const API_SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'content-security-policy': "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
  'x-frame-options': 'DENY',
};

/** HSTS, sent only when the request came over TLS (browsers ignore it over plain HTTP anyway). */
export const HSTS_HEADER: Readonly<Record<string, string>> = {
  'strict-transport-security': 'max-age=31536000; includeSubDomains',
};

export function apiSecurityHeaders(): Record<string, string> {
  return { ...BASE_SECURITY_HEADERS, ...API_SECURITY_HEADERS };
}

/** In the `{ key, value }` list form of next.config.ts headers(). */
export function asHeaderList(headers: Readonly<Record<string, string>>): { key: string; value: string }[] {
  return Object.entries(headers).map(([key, value]) => ({ key, value }));
}
