/**
 * A URL path no route can take: a broken percent-escape (`%ff`, `%c0%af`, a lone `%`) or a NUL
 * byte once decoded. Next.js would answer a bare 500 and a NUL would reach the database.
 */
export function isMalformedPath(path: string): boolean {
  if (!path.includes('%')) return false;
  for (const segment of path.split('/')) {
    if (!segment.includes('%')) continue;
    let decoded: string;
    try {
      decoded = decodeURIComponent(segment);
    } catch {
      return true;
    }
    if (decoded.includes('\0')) return true;
  }
  return false;
}

/** Where a malformed page path is sent instead: a path no page has, so the site's 404 page answers. */
export function notFoundPathFor(path: string): string {
  return path === '/en' || path.startsWith('/en/') ? '/en/introuvable' : '/introuvable';
}

/**
 * The path with "." and ".." segments resolved and no trailing slash, as Next.js would redirect to;
 * null when already canonical. Paths starting with "//" are left alone (they are not relative paths).
 */
export function canonicalPath(path: string): string | null {
  if (path === '/' || path.startsWith('//')) return null;
  const out: string[] = [];
  for (const segment of path.split('/').slice(1)) {
    // As URL parsers do, `%2e` (either case) counts as a dot: `%2e`, `.%2e`, `%2e%2e` are dot segments too.
    const dots = segment.replace(/%2e/gi, '.');
    if (dots === '.') continue;
    if (dots === '..') out.pop();
    else out.push(segment);
  }
  while (out.length > 0 && out[out.length - 1] === '') out.pop();
  const canonical = `/${out.join('/')}`;
  return canonical === path ? null : canonical;
}
