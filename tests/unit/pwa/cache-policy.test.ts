import { describe, expect, test } from 'vitest';
import { cachePolicy } from '@/lib/pwa/cache-policy';

const get = (pathname: string, navigate = false) => cachePolicy({ pathname, method: 'GET', navigate, sameOrigin: true });

describe('cachePolicy', () => {
  test('never caches live answers nor anything behind an account', () => {
    for (const path of ['/api/etat', '/api/flux', '/api/series', '/api/geo/academies', '/admin', '/admin/moderation', '/connexion', '/en/connexion']) {
      expect(get(path, true), path).toBe('never');
    }
  });
  test('queues report POSTs for Background Sync, leaves other writes to the network', () => {
    expect(cachePolicy({ pathname: '/api/reports', method: 'POST', navigate: false, sameOrigin: true })).toBe('queue-report');
    expect(cachePolicy({ pathname: '/signaler/envoyer', method: 'POST', navigate: true, sameOrigin: true })).toBe('network');
  });
  test('keeps the report page for offline use, in both languages, only for navigations', () => {
    expect(get('/signaler', true)).toBe('report-page');
    expect(get('/en/signaler', true)).toBe('report-page');
    expect(get('/signaler', false)).toBe('network');
    expect(get('/', true)).toBe('network');
  });
  test('hashed build assets and icons are cache-first; other origins are left alone', () => {
    expect(get('/_next/static/chunks/abc.js')).toBe('static');
    expect(get('/icons/icon-192.png')).toBe('static');
    expect(cachePolicy({ pathname: '/_next/static/x.js', method: 'GET', navigate: false, sameOrigin: false })).toBe('network');
  });
});
