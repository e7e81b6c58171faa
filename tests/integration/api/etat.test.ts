import { afterAll, beforeEach, describe, expect, test } from 'vitest';
import { GET } from '@/app/api/etat/route';
import { POST } from '@/app/api/reports/route';
import { getDb } from '@/lib/db/client';
import { applyCounterDeltas, hideReportRows, restoreReportRows } from '@/lib/db/moderation';
import { insertReportBatch, type NewReportRow } from '@/lib/db/reports';
import { uuidv7 } from '@/lib/domain/uuid';
import { getMapState } from '@/lib/map-state/get-map-state';
import { invalidateMapState } from '@/lib/map-state/runtime';
import type { MapState } from '@/lib/map-state/types';
import { counterDeltas } from '@/lib/moderation/counters';
import { reportRow } from '../../helpers/factories';
import { nextIp, reportBody, reportRequest } from '../../helpers/requests';

// A quiet Tuesday morning of 2019 that no other suite writes to: 09:02 Paris = 07:02 UTC.
const AT = new Date('2019-05-14T07:02:00Z');
const min = (m: number) => new Date(AT.getTime() + m * 60_000);
const incidentIds: string[] = [];

afterAll(async () => {
  const db = getDb();
  await db.incidentAcademy.deleteMany({ where: { incidentId: { in: incidentIds } } });
  await db.incident.deleteMany({ where: { id: { in: incidentIds } } });
  await db.report.deleteMany({ where: { createdAt: { gte: min(-240), lt: min(240) } } });
  await db.reportCount.deleteMany({ where: { bucketStart: { gte: min(-240), lt: min(240) } } });
  await db.reportCategoryCount.deleteMany({ where: { bucketStart: { gte: min(-240), lt: min(240) } } });
});

beforeEach(() => invalidateMapState());

function row(over: Partial<NewReportRow> & { createdAt: Date }): NewReportRow {
  return reportRow({ platformId: 'ent-hauts-de-france', academyId: 'lille', ...over });
}

async function getState(query: string, headers: Record<string, string> = {}) {
  const res = await GET(new Request(`http://localhost:3000/api/etat${query}`, { headers }), undefined);
  const body = res.status === 304 ? null : ((await res.json()) as MapState & { error?: { code: string; issues: Array<{ field: string; code: string }> } });
  return { res, body };
}

const academyOf = (state: MapState | null, id: string) => state?.academies.find((a) => a.academyId === id);
const platformOf = (state: MapState | null, id: string) => state?.platforms.find((p) => p.platformId === id);

describe('GET /api/etat, live', () => {
  test('reflects the reports just posted: académie, platform total and sparkline', async () => {
    const before = (await getState('?plateforme=e-lyco')).body;
    for (const category of ['login', 'login', 'slow']) {
      const res = await POST(reportRequest(reportBody({ platform: 'e-lyco', academy: 'nantes', category }), { ip: nextIp() }), undefined);
      expect(res.status).toBe(201);
    }
    invalidateMapState();
    const { res, body } = await getState('?plateforme=e-lyco');
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('public, max-age=1');
    expect(body).toMatchObject({ live: true, platformId: 'e-lyco', category: null, windowMinutes: 30 });
    expect(academyOf(body, 'nantes')?.reporters).toBe((academyOf(before, 'nantes')?.reporters ?? 0) + 3);
    expect(academyOf(body, 'nantes')?.served).toBe(true);
    expect(academyOf(body, 'lille')?.served).toBe(false);
    const sum = (s: MapState | null) => platformOf(s, 'e-lyco')?.sparkline.reduce((a, b) => a + b, 0) ?? 0;
    expect(sum(body)).toBe(sum(before) + 3);
    expect(platformOf(body, 'e-lyco')?.sparkline).toHaveLength(36);
    expect(body?.academies).toHaveLength(30);

    const login = (await getState('?plateforme=e-lyco&categorie=login')).body;
    expect(academyOf(login, 'nantes')?.reporters).toBeGreaterThanOrEqual(2);
    expect(academyOf(login, 'nantes')?.reporters).toBeLessThan(academyOf(body, 'nantes')?.reporters ?? 0);
  });

  test('answers 304 to a matching If-None-Match', async () => {
    const first = await getState('');
    const etag = first.res.headers.get('etag');
    expect(etag).toMatch(/^W\/".+"$/);
    const again = await getState('', { 'if-none-match': etag ?? '' });
    expect(again.res.status).toBe(304);
  });
});

describe('GET /api/etat?at=…, replay', () => {
  test('shows reports, incidents and their académies as they were at that instant', async () => {
    await insertReportBatch(getDb(), [
      row({ createdAt: min(-150) }),
      row({ createdAt: min(-20), category: 'slow' }),
      row({ createdAt: min(-10) }),
      row({ createdAt: min(-1) }),
      row({ createdAt: min(-1), distinctReporter: false }),
      row({ createdAt: min(-5), counted: false, flagReason: 'duplicate' }),
      row({ createdAt: min(0) }),
      row({ createdAt: min(-3), academyId: 'amiens' }),
    ]);
    const id = uuidv7(min(-17).getTime());
    const dismissed = uuidv7(min(-16).getTime());
    incidentIds.push(id, dismissed);
    await getDb().incident.create({
      data: {
        id, platformId: 'ent-hauts-de-france', scope: 'academies', level: 'detected', state: 'closed',
        startedAt: min(-17), detectedAt: min(-8), endedAt: min(60),
        academies: { create: [{ academyId: 'lille', joinedAt: min(-17), level: 'detected' }, { academyId: 'amiens', joinedAt: min(30), level: 'detected' }] },
      },
    });
    await getDb().incident.create({
      data: { id: dismissed, platformId: 'ent-hauts-de-france', scope: 'national', level: 'detected', state: 'dismissed', startedAt: min(-16), detectedAt: min(-16) },
    });

    const { res, body } = await getState('?at=2019-05-14T09:02');
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toContain('max-age=3600');
    expect(body).toMatchObject({ at: AT.toISOString(), live: false });
    expect(academyOf(body, 'lille')).toMatchObject({ severity: 'panne', reporters: 3, reports: 4, incidentIds: [id] });
    expect(academyOf(body, 'amiens')).toMatchObject({ severity: 'normal', reporters: 1, incidentIds: [] });
    expect(body?.incidents).toEqual([
      { id, platformId: 'ent-hauts-de-france', level: 'detected', startedAt: min(-17).toISOString(), detectedAt: min(-8).toISOString(), endedAt: null, national: false, academies: ['lille'] },
    ]);
    const platform = platformOf(body, 'ent-hauts-de-france');
    expect(platform).toMatchObject({ status: 'outage', since: min(-17).toISOString(), academyCount: 1, reporters: 4 });
    expect(platform?.sparkline.reduce((a, b) => a + b, 0)).toBe(5);
    expect(platform?.sparkline.slice(32)).toEqual([0, 1, 1, 1]);

    const earlier = (await getState('?at=2019-05-14T08:50')).body;
    expect(academyOf(earlier, 'lille')).toMatchObject({ severity: 'perturbe', reporters: 1 });
    expect(earlier?.incidents[0]).toMatchObject({ level: 'possible', detectedAt: null });

    const later = (await getState(`?at=${encodeURIComponent(min(30).toISOString())}`)).body;
    expect(academyOf(later, 'amiens')?.severity).toBe('panne');
    expect(academyOf(later, 'lille')?.reporters).toBe(1);

    const after = (await getState('?at=2019-05-14T10:30')).body;
    expect(after?.incidents).toEqual([]);
  });

  test('filters by problem category', async () => {
    const login = (await getState('?at=2019-05-14T09:02&categorie=login&plateforme=ent-hauts-de-france')).body;
    const slow = (await getState('?at=2019-05-14T09:02&categorie=slow&plateforme=ent-hauts-de-france')).body;
    expect(academyOf(login, 'lille')).toMatchObject({ reporters: 2, reports: 3, severity: 'panne' });
    expect(academyOf(slow, 'lille')).toMatchObject({ reporters: 1, reports: 1 });
    expect(platformOf(slow, 'ent-hauts-de-france')?.sparkline.reduce((a, b) => a + b, 0)).toBe(1);
    expect(academyOf((await getState('?at=2019-05-14T09:02&categorie=error_page')).body, 'lille')?.reports).toBe(0);
  });

  test('leaves hidden reports out, and counts them again once restored (all categories and per category)', async () => {
    const [hidden] = await insertReportBatch(getDb(), [row({ createdAt: min(-2), category: 'slow' })]);
    const read = async () => {
      invalidateMapState();
      const all = await getMapState({ at: AT, platformId: 'ent-hauts-de-france' });
      const slow = await getMapState({ at: AT, platformId: 'ent-hauts-de-france', category: 'slow' });
      return [academyOf(all, 'lille')?.reports, academyOf(slow, 'lille')?.reports];
    };
    expect(await read()).toEqual([5, 2]);
    await getDb().$transaction(async (tx) => {
      const changed = await hideReportRows(tx, { ids: [hidden?.id ?? ''] });
      await applyCounterDeltas(tx, counterDeltas(changed.rows, -1));
    });
    expect(await read()).toEqual([4, 1]);
    await getDb().$transaction(async (tx) => {
      const changed = await restoreReportRows(tx, [hidden?.id ?? '']);
      await applyCounterDeltas(tx, counterDeltas(changed.rows, 1));
    });
    expect(await read()).toEqual([5, 2]);
  });
});

describe('GET /api/etat, bad parameters', () => {
  test.each([
    ['?at=hier', 'at', 'at_invalid'],
    ['?at=2019-02-30T09:00', 'at', 'at_invalid'],
    [`?at=${new Date(Date.now() + 3_600_000).toISOString()}`, 'at', 'at_future'],
    ['?categorie=boom', 'categorie', 'category_invalid'],
    ['?plateforme=Pas%20valide!', 'plateforme', 'platform_invalid'],
    ['?plateforme=atlantide-ent', 'plateforme', 'platform_unknown'],
  ])('400 for %s (%s: %s)', async (query, field, code) => {
    const { res, body } = await getState(query);
    expect(res.status).toBe(400);
    expect(body?.error?.code).toBe('invalid_input');
    expect(body?.error?.issues).toEqual([expect.objectContaining({ field, code, message: expect.any(String) })]);
  });
});
