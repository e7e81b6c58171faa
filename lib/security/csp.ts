export type CspInput = {
  nonce: string;
  dev: boolean;
  /** The request came over TLS (directly or through the proxy): mixed content is upgraded. */
  https: boolean;
  /** `public` pages allow inline style attributes (Leaflet, React) and the tile host; `private` pages do not. */
  kind: 'public' | 'private';
  /** `'none'` everywhere; `*` only on the embed routes. */
  frameAncestors: "'none'" | '*';
  /** CSP source of the optional tile server (see tileImageSource). */
  tileSource?: string | null;
};

/**
 * Nonce-based policy for an HTML page: scripts only with this request's nonce (Next.js adds it to its
 * own scripts) and what they load ('strict-dynamic'); no eval outside development; no plugins, no <base>.
 */
export function buildCsp(input: CspInput): string {
  const nonce = `'nonce-${input.nonce}'`;
  const isPublic = input.kind === 'public';
  const images = ["'self'", 'data:', 'blob:', ...(isPublic && input.tileSource ? [input.tileSource] : [])];
  const directives = [
    "default-src 'self'",
    `script-src 'self' ${nonce} 'strict-dynamic'${input.dev ? " 'unsafe-eval'" : ''}`,
    `style-src 'self' ${nonce}`,
    // Leaflet positions its panes and React renders style="" attributes; <style> elements still need the nonce.
    ...(isPublic ? ["style-src-attr 'unsafe-inline'"] : []),
    `img-src ${images.join(' ')}`,
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    `frame-ancestors ${input.frameAncestors}`,
    ...(input.https ? ['upgrade-insecure-requests'] : []),
  ];
  return directives.join('; ');
}

/**
 * The CSP source for a Leaflet tile URL template: scheme and host, a `{s}` subdomain becoming a
 * `*.` wildcard (https://{s}.tile.example.org/{z}/{x}/{y}.png → https://*.tile.example.org).
 * Null when the template is not an absolute http(s) URL a CSP source can express.
 */
export function tileImageSource(template: string | null | undefined): string | null {
  const match = /^(https?):\/\/([^/?#]+)/i.exec(template?.trim() ?? '');
  if (!match?.[1] || !match[2]) return null;
  const host = match[2].toLowerCase().replace(/^\{[a-z]+\}\./, '*.');
  if (!/^(\*\.)?[a-z0-9-]+(\.[a-z0-9-]+)*(:\d{1,5})?$/.test(host)) return null;
  return `${match[1].toLowerCase()}://${host}`;
}
