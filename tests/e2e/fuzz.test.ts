import http from 'node:http';
import fc from 'fast-check';
import { beforeAll, describe, expect, inject, test } from 'vitest';

// Property-based fuzzing of every public route of the production server: whatever the path
// segment, query or body, the answer is never a 5xx, always arrives, and carries the security headers.
const CLIENT_TIMEOUT_MS = 15_000;
const RUNS = Number(process.env.FUZZ_RUNS ?? 50);
let port = 0;

type Answer = { status: number; headers: http.IncomingHttpHeaders };

/** One request with a raw path (no client-side normalisation), fresh connection, a hard client timeout. */
function send(method: string, path: string, opts: { body?: string; headers?: Record<string, string> } = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, method, path, agent: false, headers: { 'user-agent': 'fuzz', ...opts.headers } }, (res) => {
      const answer = { status: res.statusCode ?? 0, headers: res.headers };
      // Live streams never end: the status line and headers are what is checked.
      if (String(res.headers['content-type']).startsWith('text/event-stream')) {
        req.destroy();
        resolve(answer);
        return;
      }
      res.resume();
      res.on('end', () => resolve(answer));
      res.on('error', reject);
    });
    req.setTimeout(CLIENT_TIMEOUT_MS, () => req.destroy(new Error(`no answer within ${CLIENT_TIMEOUT_MS} ms: ${method} ${path}`)));
    req.on('error', reject);
    req.end(opts.body);
  });
}

function expectSafe(answer: Answer, what: string): void {
  expect(answer.status, what).toBeLessThan(500);
  expect(answer.headers['x-content-type-options'], what).toBe('nosniff');
  if (answer.status >= 300 && answer.status < 400) return;
  expect(answer.headers['content-security-policy'], what).toBeTruthy();
}

/** Path segments: plain text, percent-escapes of any byte (broken UTF-8 and NUL included), stray '%'. */
const segment = fc
  .array(
    fc.oneof(
      fc.constantFrom('a', 'z', '0', '-', '_', '.', '~', 'pronote', 'paris', 'é'),
      fc.integer({ min: 0, max: 255 }).map((b) => `%${b.toString(16).padStart(2, '0')}`),
      fc.constantFrom('%', '%g', '%0', '%%', '%c0%af', '%ff%fe', '%00', '..'),
    ),
    { minLength: 1, maxLength: 8 },
  )
  .map((parts) => parts.join('').replace(/é/g, '%C3%A9'));

const queryValue = fc.oneof(fc.string({ maxLength: 40 }).map(encodeURIComponent), segment, fc.integer().map(String), fc.constantFrom('', 'toutes', '2021-04-06T09:02:00Z', 'NaN', '-1', '1e309'));
const query = fc
  .array(fc.tuple(fc.constantFrom('plateforme', 'academie', 'categorie', 'a', 'depuis', 'de', 'a', 'pas', 'q', 'code', 'callbackUrl', 'x'), queryValue), { maxLength: 4 })
  .map((pairs) => (pairs.length ? `?${pairs.map(([k, v]) => `${k}=${v}`).join('&')}` : ''));

const DYNAMIC = ['/plateformes/', '/academies/', '/incidents/', '/en/plateformes/', '/admin/plateformes/', '/admin/utilisateurs/', '/api/admin/users/', '/api/admin/platforms/', '/api/moderation/reports/', '/api/moderation/incidents/'];
const GETS = ['/', '/signaler', '/signaler/merci', '/plateformes', '/academies', '/sources', '/connexion', '/api/etat', '/api/series', '/api/geo/communes', '/api/geo/academies', '/api/flux', '/api/pow/challenge', '/api/health'];

beforeAll(() => {
  port = Number(new URL(inject('baseUrl')).port);
});

describe('fuzzing (production build)', () => {
  test.each(DYNAMIC)('%s<segment>: any percent-escape or NUL', async (prefix) => {
    await fc.assert(
      fc.asyncProperty(segment, async (seg) => {
        expectSafe(await send('GET', `${prefix}${seg}`), `${prefix}${seg}`);
      }),
      { numRuns: RUNS },
    );
  });

  test.each(GETS)('GET %s with any query', async (path) => {
    await fc.assert(
      fc.asyncProperty(query, async (q) => {
        expectSafe(await send('GET', `${path}${q}`), `${path}${q}`);
      }),
      { numRuns: RUNS },
    );
  });

  const reportLike = fc.record(
    {
      platform: fc.oneof(fc.constantFrom('pronote', 'ecoledirecte', ''), fc.string({ maxLength: 100 })),
      academy: fc.oneof(fc.constantFrom('paris', 'versailles'), fc.string({ maxLength: 100 })),
      category: fc.oneof(fc.constantFrom('login', 'slow', 'other'), fc.anything()),
      idempotencyKey: fc.oneof(fc.uuid(), fc.string({ maxLength: 60 })),
      comment: fc.string({ maxLength: 600 }),
      commune: fc.anything(),
    },
    { requiredKeys: [] },
  );

  test('POST /api/reports with any JSON-ish body', async () => {
    const body = fc.oneof(reportLike.map((r) => JSON.stringify(r)), fc.jsonValue().map((v) => JSON.stringify(v)), fc.string({ maxLength: 200 }));
    await fc.assert(
      fc.asyncProperty(body, fc.constantFrom('application/json', 'text/plain', 'application/x-www-form-urlencoded'), async (text, type) => {
        const answer = await send('POST', '/api/reports', { body: text, headers: { 'content-type': type, 'content-length': String(Buffer.byteLength(text)) } });
        expectSafe(answer, text.slice(0, 80));
      }),
      { numRuns: RUNS * 2 },
    );
  });

  test('POST /signaler/envoyer (no-JS form) with any form body', async () => {
    const form = fc.array(fc.tuple(fc.constantFrom('platform', 'academy', 'category', 'comment', 'idempotencyKey', 'commune', 'x'), queryValue), { maxLength: 6 });
    await fc.assert(
      fc.asyncProperty(form, async (pairs) => {
        const text = pairs.map(([k, v]) => `${k}=${v}`).join('&');
        const answer = await send('POST', '/signaler/envoyer', { body: text, headers: { 'content-type': 'application/x-www-form-urlencoded', 'content-length': String(Buffer.byteLength(text)) } });
        expect(answer.status, text).toBeLessThan(500);
        expect(answer.headers['x-content-type-options']).toBe('nosniff');
      }),
      { numRuns: RUNS },
    );
  });
});
