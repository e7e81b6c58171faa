import { describe, expect, test } from 'vitest';
import { buildCsp, tileImageSource } from '@/lib/security/csp';
import { EMBED_PATHS, isEmbedPath, isPrivatePath, pageSecurityHeaders } from '@/lib/security/page-headers';

function directives(csp: string): Map<string, string> {
  return new Map(csp.split(';').map((d) => d.trim()).filter(Boolean).map((d) => [d.split(' ')[0] ?? '', d.slice(d.indexOf(' ') + 1)]));
}

describe('buildCsp', () => {
  const base = { nonce: 'abc123', dev: false, https: false, frameAncestors: "'none'" as const };

  test('public pages: nonce + strict-dynamic scripts, inline style attributes only, tile host for images', () => {
    const csp = directives(buildCsp({ ...base, kind: 'public', tileSource: 'https://*.tile.example.org' }));
    expect(csp.get('script-src')).toBe("'self' 'nonce-abc123' 'strict-dynamic'");
    expect(csp.get('style-src')).toBe("'self' 'nonce-abc123'");
    expect(csp.get('style-src-attr')).toBe("'unsafe-inline'");
    expect(csp.get('img-src')).toBe("'self' data: blob: https://*.tile.example.org");
    expect(csp.get('frame-ancestors')).toBe("'none'");
    expect(csp.get('object-src')).toBe("'none'");
    expect(csp.get('base-uri')).toBe("'none'");
    expect(csp.has('upgrade-insecure-requests')).toBe(false);
  });

  test('private pages: no inline style attributes and no third-party images', () => {
    const csp = directives(buildCsp({ ...base, kind: 'private', tileSource: 'https://*.tile.example.org' }));
    expect(csp.has('style-src-attr')).toBe(false);
    expect(csp.get('img-src')).toBe("'self' data: blob:");
  });

  test('unsafe-eval only in development, never unsafe-inline for scripts', () => {
    expect(buildCsp({ ...base, kind: 'public' })).not.toContain('unsafe-eval');
    expect(directives(buildCsp({ ...base, kind: 'public', dev: true })).get('script-src')).toContain("'unsafe-eval'");
    expect(directives(buildCsp({ ...base, kind: 'public', dev: true })).get('script-src')).not.toContain('unsafe-inline');
  });

  test('upgrades insecure requests behind TLS', () => {
    expect(directives(buildCsp({ ...base, kind: 'public', https: true })).has('upgrade-insecure-requests')).toBe(true);
  });
});

describe('tileImageSource', () => {
  test.each([
    ['https://{s}.tile.openstreetmap.org/{z}/{x}/{y}.png', 'https://*.tile.openstreetmap.org'],
    ['https://tiles.example.org:8443/{z}/{x}/{y}{r}.png', 'https://tiles.example.org:8443'],
    ['HTTP://Tiles.Example.org/{z}/{x}/{y}.png', 'http://tiles.example.org'],
    ['/tiles/{z}/{x}/{y}.png', null],
    ['javascript:alert(1)', null],
    ["https://evil.example.org'; script-src *", null],
    ['https://a.{s}.example.org/{z}.png', null],
    [undefined, null],
  ])('%s → %s', (template, expected) => {
    expect(tileImageSource(template)).toBe(expected);
  });
});

describe('pageSecurityHeaders', () => {
  const input = { nonce: 'n0nce', dev: false, https: false, tileUrl: 'https://{s}.tiles.example.org/{z}/{x}/{y}.png' };

  test('public pages forbid framing and allow the tile host', () => {
    const headers = pageSecurityHeaders({ ...input, pathname: '/signaler' });
    expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(headers['content-security-policy']).toContain('https://*.tiles.example.org');
    expect(headers['x-frame-options']).toBe('DENY');
    expect(headers['cache-control']).toBeUndefined();
  });

  test('embed routes may be framed by any site', () => {
    for (const path of EMBED_PATHS) {
      const headers = pageSecurityHeaders({ ...input, pathname: `${path}/pronote` });
      expect(headers['content-security-policy']).toContain('frame-ancestors *');
      expect(headers['x-frame-options']).toBeUndefined();
    }
    expect(isEmbedPath('/integrer/carte')).toBe(true);
    expect(isEmbedPath('/integrer/service/pronote')).toBe(true);
    // The code generator is an ordinary page: only what it generates may be framed.
    expect(isEmbedPath('/integrer')).toBe(false);
    expect(isEmbedPath('/integrer/cartex')).toBe(false);
  });

  test('account pages get the strict policy, no caching and no indexing', () => {
    const headers = pageSecurityHeaders({ ...input, pathname: '/admin/reglages' });
    expect(headers['content-security-policy']).not.toContain('style-src-attr');
    expect(headers['content-security-policy']).not.toContain('tiles.example.org');
    expect(headers['cache-control']).toBe('private, no-store');
    expect(headers['x-robots-tag']).toContain('noindex');
    expect(isPrivatePath('/connexion')).toBe(true);
    expect(isPrivatePath('/administration')).toBe(false);
  });
});
