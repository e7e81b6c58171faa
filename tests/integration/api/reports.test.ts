import { afterAll, describe, expect, inject, test } from 'vitest';
import { POST } from '@/app/api/reports/route';
import { createPrismaClient } from '@/lib/db/create-client';
import { DEAD_DATABASE_URL, startHungDatabase } from '../../helpers/hung-database';
import { nextIp, reportBody, reportRequest } from '../../helpers/requests';

const db = createPrismaClient({ url: inject('databaseUrl'), kind: inject('databaseKind') });
afterAll(() => db.$disconnect());

async function post(body: unknown, opts: Parameters<typeof reportRequest>[1] = {}) {
  const res = await POST(reportRequest(body, opts), undefined);
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- answers of every shape, asserted field by field below
  return { res, body: (await res.json().catch(() => null)) as Record<string, any> | null };
}

async function countedFor(platformId: string, academyId: string): Promise<number> {
  const agg = await db.reportCount.aggregate({ where: { platformId, academyId }, _sum: { reports: true } });
  return agg._sum.reports ?? 0;
}

describe('POST /api/reports', () => {
  test('201 with the report id and the local count, stored before the answer', async () => {
    const body = reportBody({ platform: 'ecoledirecte', academy: 'lille', comment: 'Écrivez-moi à jean@exemple.fr ou au 06 12 34 56 78' });
    const { res, body: out } = await post(body);
    expect(res.status).toBe(201);
    expect(out).toMatchObject({ status: 'accepted', counted: true, platform: 'ecoledirecte', academy: 'lille' });
    expect(out?.localCount).toBeGreaterThanOrEqual(1);
    const stored = await db.report.findFirstOrThrow({ where: { id: out?.id } });
    expect(stored.comment).not.toContain('jean@exemple.fr');
    expect(stored.comment).not.toContain('06 12 34 56 78');
    expect(stored.commentState).toBe('pending');
    expect(stored.sourceFingerprint).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(stored)).not.toContain('198.51.');
  });

  test('200 with the same body when the idempotency key was already accepted', async () => {
    const body = reportBody();
    const first = await post(body);
    const again = await post(body);
    expect(first.res.status).toBe(201);
    expect(again.res.status).toBe(200);
    expect(again.body).toMatchObject({ id: first.body?.id, status: 'duplicate' });
  });

  test('the same key sent 20 times concurrently stores exactly one report', async () => {
    const body = reportBody({ platform: 'educonnect', academy: 'nantes' });
    const results = await Promise.all(Array.from({ length: 20 }, () => post(body, { ip: nextIp() })));
    expect(results.filter((r) => r.res.status === 201)).toHaveLength(1);
    expect(results.filter((r) => r.res.status === 200)).toHaveLength(19);
    expect(new Set(results.map((r) => r.body?.id)).size).toBe(1);
    expect(await db.report.count({ where: { idempotencyKey: body.idempotencyKey as string } })).toBe(1);
  });

  test.each([
    [{ platform: 'nope-platform' }, 'platform', 'platform_unknown'],
    [{ academy: 'atlantide' }, 'academy', 'academy_unknown'],
    [{ platform: 'monlycee-net', academy: 'lille' }, 'platform', 'platform_not_in_academy'],
    [{ comment: 'x'.repeat(501) }, 'comment', 'comment_too_long'],
    [{ comment: 'bad\u0007bell' }, 'comment', 'comment_control_chars'],
    [{ observedAt: new Date(Date.now() + 3_600_000).toISOString() }, 'observedAt', 'observed_at_future'],
    [{ observedAt: new Date(Date.now() - 25 * 3_600_000).toISOString() }, 'observedAt', 'observed_at_too_old'],
    [{ category: 'boom' }, 'category', 'category_invalid'],
    [{ extra: 1 }, 'extra', 'unknown_field'],
  ])('400 %j → %s: %s', async (overrides, field, code) => {
    const { res, body } = await post(reportBody(overrides));
    expect(res.status).toBe(400);
    expect(body?.error.code).toBe('invalid_input');
    expect(body?.error.issues).toContainEqual(expect.objectContaining({ field, code, message: expect.any(String) }));
  });

  test('400 for a body that is not JSON', async () => {
    const { res, body } = await post(null, { raw: '{"platform":' });
    expect(res.status).toBe(400);
    expect(body?.error.code).toBe('invalid_input');
  });

  test('413 for a body over the limit, refused before parsing', async () => {
    const { res, body } = await post(null, { raw: `{"comment":"${'a'.repeat(5000)}"}` });
    expect(res.status).toBe(413);
    expect(body?.error.code).toBe('payload_too_large');
  });

  test('415 for text/plain (a cross-site simple POST)', async () => {
    const { res, body } = await post(reportBody(), { headers: { 'content-type': 'text/plain' } });
    expect(res.status).toBe(415);
    expect(body?.error.code).toBe('unsupported_media_type');
  });

  test('403 for a foreign Origin', async () => {
    const { res, body } = await post(reportBody(), { headers: { origin: 'https://evil.example' } });
    expect(res.status).toBe(403);
    expect(body?.error.code).toBe('forbidden');
  });

  test('429 with Retry-After when one source sends too many requests', async () => {
    const ip = nextIp();
    const statuses: number[] = [];
    let retryAfter: string | null = null;
    for (let i = 0; i < 40; i += 1) {
      const { res } = await post(reportBody({ platform: 'lumni', academy: 'dijon' }), { ip });
      statuses.push(res.status);
      if (res.status === 429) retryAfter = res.headers.get('retry-after');
    }
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThan(0);
    expect(Number(retryAfter)).toBeGreaterThan(0);
  });

  test('X-Forwarded-For is ignored unless the peer is a trusted proxy', async () => {
    const ip = nextIp();
    const a = await post(reportBody({ platform: 'parcoursup', academy: 'reims' }), { ip, headers: { 'x-forwarded-for': '203.0.113.1' } });
    const b = await post(reportBody({ platform: 'parcoursup', academy: 'reims' }), { ip, headers: { 'x-forwarded-for': '203.0.113.2' } });
    const rows = await db.report.findMany({ where: { id: { in: [a.body?.id, b.body?.id] } } });
    expect(rows).toHaveLength(2);
    expect(rows[0]?.sourceFingerprint).toBe(rows[1]?.sourceFingerprint);
    expect(b.body?.counted).toBe(false);
  });

  test('a flood of 10,000 reports from one source moves the counts by at most the limit', async () => {
    const ip = nextIp();
    const before = await countedFor('skolengo', 'amiens');
    const batch = 500;
    for (let sent = 0; sent < 10_000; sent += batch) {
      await Promise.all(
        Array.from({ length: batch }, () => post(reportBody({ platform: 'skolengo', academy: 'amiens', category: 'slow' }), { ip })),
      );
    }
    const after = await countedFor('skolengo', 'amiens');
    expect(after - before).toBeLessThanOrEqual(1);
    expect(after - before).toBeGreaterThanOrEqual(1);
  });

  test('honeypot reports are acknowledged, kept and not counted', async () => {
    const { res, body } = await post(reportBody({ platform: 'elea', academy: 'poitiers', website: 'http://spam.example' }));
    expect(res.status, JSON.stringify(body)).toBe(201);
    expect(body?.counted).toBe(false);
    const stored = await db.report.findFirstOrThrow({ where: { id: body?.id } });
    expect(stored.flagReason).toBe('honeypot');
  });
});

describe('POST /api/reports when the database is down or hung', () => {
  test('answers 503 with Retry-After within its 2.2 s budget (margin under the 3 s promise), never hangs', async () => {
    const { vi } = await import('vitest');
    const hung = await startHungDatabase();
    const saved = { db: process.env.DATABASE_URL, embedded: process.env.EMBEDDED_DATABASE_URL };
    try {
      for (const url of [hung.url, DEAD_DATABASE_URL]) {
        vi.resetModules();
        delete (globalThis as { __ingest?: unknown; __db?: unknown }).__ingest;
        delete (globalThis as { __db?: unknown }).__db;
        process.env.DATABASE_URL = url;
        delete process.env.EMBEDDED_DATABASE_URL;
        const { POST: post } = await import('@/app/api/reports/route');
        const started = Date.now();
        const res = await post(reportRequest(reportBody()), undefined);
        expect(Date.now() - started).toBeLessThan(2_600);
        expect(res.status).toBe(503);
        expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
        expect((await res.json()).error.code).toBe('unavailable');
      }
    } finally {
      if (saved.db === undefined) delete process.env.DATABASE_URL;
      else process.env.DATABASE_URL = saved.db;
      if (saved.embedded !== undefined) process.env.EMBEDDED_DATABASE_URL = saved.embedded;
      delete (globalThis as { __ingest?: unknown }).__ingest;
      delete (globalThis as { __db?: unknown }).__db;
      await hung.close();
    }
  });
});
