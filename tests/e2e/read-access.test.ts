import { describe, expect, inject, test } from 'vitest';

/** The production server answers /api/etat and /api/flux on its own fast paths: they must check read access too. */
describe('read access on the served APIs (production build)', () => {
  test.each(['/api/etat', '/api/flux', '/api/geo/communes?q=75015'])('%s refuses an unknown API key with 401 and a code', async (path) => {
    const res = await fetch(`${inject('baseUrl')}${path}`, { headers: { authorization: 'Bearer eep_unknown-key' } });
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ error: { code: 'unauthorized', issues: [{ field: 'authorization', code: 'api_key_invalid' }] } });
  });

  test('an anonymous reader is served', async () => {
    const res = await fetch(`${inject('baseUrl')}/api/etat`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('application/json');
  });
});
