import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { GET } from '@/app/api/series/route';
import { getDb } from '@/lib/db/client';
import { FALLBACK_RATE_PER_MINUTE } from '@/lib/detect/thresholds';
import { SERIES_QUERY_MESSAGES } from '@/lib/series/schema';
import type { SeriesPayload } from '@/lib/series/types';
import { insertFallbackBaselines } from '../../helpers/factories';
import { nextIp } from '../../helpers/requests';
import { peerHeaderValue } from '@/lib/http/peer';

const db = getDb();
const PLATFORM = 'ecoledirecte';
const LEARNED_AT = new Date('2016-01-01T00:00:00Z');
const FROM = Date.parse('2016-03-08T07:00:00Z');
const at = (minutes: number) => new Date(FROM + minutes * 60_000);

function get(query: string): Promise<Response> {
  const headers = { host: 'localhost:3000', 'x-ecole-peer': peerHeaderValue(nextIp()), 'user-agent': 'curl/8.5.0' };
  return GET(new Request(`http://localhost:3000/api/series?${query}`, { headers }), undefined);
}

beforeAll(async () => {
  await db.reportCount.createMany({
    data: [
      { platformId: PLATFORM, academyId: 'lille', bucketStart: at(0), reports: 4, reporters: 4 },
      { platformId: PLATFORM, academyId: 'lyon', bucketStart: at(0), reports: 2, reporters: 2 },
      { platformId: PLATFORM, academyId: 'lille', bucketStart: at(61), reports: 30, reporters: 30 },
      { platformId: 'pronote', academyId: 'lille', bucketStart: at(2), reports: 6, reporters: 6 },
    ],
  });
  await insertFallbackBaselines(db, { platformId: PLATFORM, academies: ['lille', 'lyon'], learnedAt: LEARNED_AT, totalDispersion: 1 });
});

afterAll(async () => {
  await db.reportCount.deleteMany({ where: { bucketStart: { gte: at(-60), lt: at(180) } } });
  await db.baseline.deleteMany({ where: { platformId: PLATFORM, learnedAt: LEARNED_AT } });
});

describe('GET /api/series', () => {
  test('a platform over two hours: per-minute reporters against its baselines (Paris wall-clock bounds)', async () => {
    const res = await get(`plateforme=${PLATFORM}&de=2016-03-08T08:00&a=2016-03-08T10:00`);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('public, max-age=300');
    const body = (await res.json()) as SeriesPayload;
    expect(body).toMatchObject({ platformId: PLATFORM, academyId: null, from: at(0).toISOString(), to: at(120).toISOString(), bucketMinutes: 1, lines: [] });
    expect(body.t).toHaveLength(120);
    expect(body.observed[0]).toBe(6);
    expect(body.observed[61]).toBe(30);
    expect(body.totals.reporters).toBe(36);
    expect(body.totals.peak).toEqual({ t: at(61).getTime(), perMinute: 30 });
    expect(body.band?.learnedAt).toBe(LEARNED_AT.toISOString());
    expect(body.band?.fallback).toBe(true);
    for (const v of body.band?.expected ?? []) expect(v).toBeCloseTo(2 * FALLBACK_RATE_PER_MINUTE, 8);
    expect(body.band?.high[61]).toBeLessThan(30);
    expect(body.band?.low.every((v) => v >= 0)).toBe(true);
  });

  test('an académie: every platform summed, the busiest as their own lines, baselines of those serving it', async () => {
    const res = await get(`academie=lille&de=2016-03-08T08:00&a=2016-03-08T10:00`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as SeriesPayload;
    expect(body.observed[0]).toBe(4);
    expect(body.observed[2]).toBe(6);
    expect(body.lines.map((l) => l.id)).toEqual([PLATFORM, 'pronote']);
    expect(body.band).not.toBeNull();
  });

  test('a day chooses 5-minute buckets; a week 30-minute ones', async () => {
    const day = (await (await get(`plateforme=${PLATFORM}&date=2016-03-08`)).json()) as SeriesPayload;
    expect(day.bucketMinutes).toBe(5);
    expect(day.t).toHaveLength(288);
    expect(day.observed[(FROM - Date.parse('2016-03-07T23:00:00Z')) / 300_000]).toBeCloseTo(6 / 5, 10);
    const week = (await (await get(`plateforme=${PLATFORM}&de=2016-03-08T00:00&a=2016-03-15T00:00`)).json()) as SeriesPayload;
    expect(week.bucketMinutes).toBe(30);
  });

  test('no baseline stored: the band is null', async () => {
    const body = (await (await get(`plateforme=toutatice&de=2016-03-08T08:00&a=2016-03-08T09:00`)).json()) as SeriesPayload;
    expect(body.band).toBeNull();
    expect(body.totals.expected).toBeNull();
  });

  test.each([
    ['', 400, 'scope_missing'],
    ['plateforme=PRO%20NOTE', 400, 'platform_invalid'],
    [`plateforme=${PLATFORM}&de=2016-03-08T10:00&a=2016-03-08T09:00`, 400, 'window_order'],
    [`plateforme=${PLATFORM}&de=2016-01-01T00:00&a=2016-03-01T00:00`, 400, 'window_too_long'],
    [`plateforme=${PLATFORM}&fenetre=1an`, 400, 'window_invalid'],
    ['plateforme=inconnu', 404, 'platform_unknown'],
    ['academie=atlantide', 404, 'academy_unknown'],
  ])('?%s → %d %s with a French message', async (query, status, code) => {
    const res = await get(query);
    expect(res.status).toBe(status);
    const body = (await res.json()) as { error: { code: string; message: string; issues: Array<{ code: string }> } };
    expect(body.error.code).toBe(status === 404 ? 'not_found' : 'invalid_input');
    expect(body.error.issues[0]?.code).toBe(code);
    const french = code in SERIES_QUERY_MESSAGES ? SERIES_QUERY_MESSAGES[code as keyof typeof SERIES_QUERY_MESSAGES] : code === 'platform_unknown' ? 'Ce service n’est pas dans notre liste.' : 'Cette académie n’existe pas.';
    expect(body.error.message).toBe(french);
  });
});
