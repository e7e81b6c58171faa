import { buildCsp, tileImageSource } from './csp';

/** Pages other sites may show in a frame (the embeddable map). The only exception to frame-ancestors 'none'. */
export const EMBED_PATHS: readonly string[] = ['/integrer/carte', '/integrer/service'];

/** Pages behind an account: strict CSP, never cached by shared caches, never indexed. */
export const PRIVATE_PATHS: readonly string[] = ['/admin', '/connexion', '/dossiers'];

const PRIVATE_PAGE_HEADERS: Record<string, string> = {
  'cache-control': 'private, no-store',
  'x-robots-tag': 'noindex, nofollow',
  'referrer-policy': 'no-referrer',
};

function isUnder(pathname: string, prefixes: readonly string[]): boolean {
  return prefixes.some((prefix) => pathname === prefix || pathname.startsWith(`${prefix}/`));
}

export function isEmbedPath(pathname: string): boolean {
  return isUnder(pathname, EMBED_PATHS);
}

export function isPrivatePath(pathname: string): boolean {
  return isUnder(pathname, PRIVATE_PATHS);
}

/** Response headers of one HTML page: its nonce policy, framing rule and, for account pages, no caching. */
export function pageSecurityHeaders(input: {
  pathname: string;
  nonce: string;
  dev: boolean;
  https: boolean;
  tileUrl?: string | null;
}): Record<string, string> {
  const isPrivate = isPrivatePath(input.pathname);
  const embeddable = !isPrivate && isEmbedPath(input.pathname);
  const csp = buildCsp({
    nonce: input.nonce,
    dev: input.dev,
    https: input.https,
    kind: isPrivate ? 'private' : 'public',
    frameAncestors: embeddable ? '*' : "'none'",
    tileSource: tileImageSource(input.tileUrl),
  });
  return {
    'content-security-policy': csp,
    ...(embeddable ? {} : { 'x-frame-options': 'DENY' }),
    ...(isPrivate ? PRIVATE_PAGE_HEADERS : {}),
  };
}
