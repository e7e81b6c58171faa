import { afterEach, describe, expect, test, vi } from 'vitest';
import { PATCH, GET } from '@/app/api/admin/settings/route';
import { POST as postReport } from '@/app/api/reports/route';
import { getDb } from '@/lib/db/client';
import { REQUEST_LIMIT } from '@/lib/domain/limits';
import { updateSettings } from '@/lib/settings/admin';
import { settingKey } from '@/lib/settings/resolve';
import { getRuntimeSettings } from '@/lib/settings/runtime';
import { nextIp, reportBody, reportRequest } from '../../helpers/requests';
import { createTestUser, jsonRequest, sessionCookie } from '../auth/support';

const ACTOR = { userId: null, label: 'settings test' };

async function auditRows() {
  return getDb().auditLog.findMany({ where: { action: 'settings.updated', actorLabel: ACTOR.label }, orderBy: { id: 'asc' } });
}

afterEach(async () => {
  await updateSettings(ACTOR, { reportLimitPerMinute: null, readLimitPerMinute: null, readLimitApiKeyPerMinute: null, announcement: null, powSurgeFloorPerMinute: null });
});

describe('runtime settings', () => {
  test('a change is stored, applies at once in this process and is audited with before and after', async () => {
    const before = (await auditRows()).length;
    expect((await getRuntimeSettings()).announcement).toBe('');
    const { changed } = await updateSettings(ACTOR, { announcement: 'Maintenance ce soir à 22 h', reportLimitPerMinute: 12 });
    expect(changed.sort()).toEqual(['announcement', 'reportLimitPerMinute']);
    expect(await getRuntimeSettings()).toMatchObject({ announcement: 'Maintenance ce soir à 22 h', reportLimitPerMinute: 12 });
    expect(await getDb().setting.findUnique({ where: { key: settingKey('reportLimitPerMinute') } })).toMatchObject({ value: 12 });

    await updateSettings(ACTOR, { reportLimitPerMinute: null, announcement: 'Maintenance ce soir à 22 h' });
    expect((await getRuntimeSettings()).reportLimitPerMinute).toBe(REQUEST_LIMIT);
    const rows = (await auditRows()).slice(before);
    expect(rows.map((r) => [r.before, r.after])).toEqual([
      [{ announcement: null, reportLimitPerMinute: null }, { announcement: 'Maintenance ce soir à 22 h', reportLimitPerMinute: 12 }],
      [{ reportLimitPerMinute: 12 }, { reportLimitPerMinute: null }],
    ]);
    expect(rows[0]).toMatchObject({ targetType: 'settings', targetId: 'runtime' });
  });

  test('a save that changes nothing writes no audit entry', async () => {
    await updateSettings(ACTOR, { readLimitPerMinute: 40 });
    const count = (await auditRows()).length;
    expect((await updateSettings(ACTOR, { readLimitPerMinute: 40, announcement: '' })).changed).toEqual([]);
    expect((await auditRows()).length).toBe(count);
  });

  test('a key limit below the anonymous one is refused and nothing is written', async () => {
    await expect(updateSettings(ACTOR, { readLimitPerMinute: 500, readLimitApiKeyPerMinute: 100 })).rejects.toMatchObject({
      code: 'invalid_input',
      details: { issues: [{ field: 'readLimitApiKeyPerMinute', code: 'below_anonymous_limit' }] },
    });
    expect(await getDb().setting.findUnique({ where: { key: settingKey('readLimitPerMinute') } })).toBeNull();
  });

  test('the report API applies the per-source limit set by an admin', async () => {
    await updateSettings(ACTOR, { reportLimitPerMinute: 2 });
    const ip = nextIp();
    const statuses: number[] = [];
    for (let i = 0; i < 3; i++) statuses.push((await postReport(reportRequest(reportBody({ academy: 'lille' }), { ip }), undefined)).status);
    expect(statuses).toEqual([201, 201, 429]);
  });

  test('proof of work switches on above the surge floor set by an admin', async () => {
    vi.resetModules();
    process.env.POW_MODE = 'auto';
    delete (globalThis as { __ingest?: unknown }).__ingest;
    try {
      const { POST } = await import('@/app/api/reports/route');
      // The surge switch is shared through the database: a state of this test's own, not other suites'.
      const [{ getIngestRuntime }, { createSharedSurge }, { getDb }] = await Promise.all([import('@/lib/ingest/runtime'), import('@/lib/pow/shared-surge'), import('@/lib/db/client')]);
      getIngestRuntime().surge = createSharedSurge(getDb(), { id: `test-${crypto.randomUUID()}` });
      await updateSettings(ACTOR, { powSurgeFloorPerMinute: 5 });
      const statuses: number[] = [];
      for (let i = 0; i < 8; i++) statuses.push((await POST(reportRequest(reportBody({ platform: 'lumni', academy: 'corse' }), { ip: nextIp() }), undefined)).status);
      expect(statuses.slice(0, 5)).toEqual([201, 201, 201, 201, 201]);
      expect(statuses.at(-1), 'a proof of work is required once the last minute exceeds 5 reports').toBe(400);
    } finally {
      process.env.POW_MODE = 'off';
      delete (globalThis as { __ingest?: unknown }).__ingest;
    }
  });

  test('admins read and patch settings through the JSON API; bad values get 400 with the field', async () => {
    const { user } = await createTestUser({ roles: ['admin'], totp: true });
    const cookie = await sessionCookie(user);
    const patched = await PATCH(jsonRequest('/api/admin/settings', { method: 'PATCH', cookie, body: { readLimitPerMinute: 90, announcement: null } }), undefined);
    expect(patched.status).toBe(200);
    expect(await patched.json()).toMatchObject({ changed: ['readLimitPerMinute'], effective: { readLimitPerMinute: 90 } });
    const read = await GET(jsonRequest('/api/admin/settings', { method: 'GET', cookie }), undefined);
    expect(await read.json()).toMatchObject({ overrides: { readLimitPerMinute: 90 }, defaults: { reportLimitPerMinute: REQUEST_LIMIT } });
    const bad = await PATCH(jsonRequest('/api/admin/settings', { method: 'PATCH', cookie, body: { reportLimitPerMinute: 0, sourceSecret: 'x' } }), undefined);
    expect(bad.status).toBe(400);
    const error = ((await bad.json()) as { error: { code: string; message: string; issues: { field: string; code: string; message: string }[] } }).error;
    expect(error.code).toBe('invalid_input');
    expect(error.issues).toContainEqual({ field: 'sourceSecret', code: 'unknown_field', message: 'Champ inconnu\u00a0: sourceSecret.' });
    const tooSmall = error.issues.find((i) => i.field === 'reportLimitPerMinute');
    expect(tooSmall?.message).toMatch(/^Signalements par minute/);
    for (const issue of error.issues) expect(issue.message).not.toMatch(/Invalid|Unrecognized|expected|Too (small|big)/);
  });
});
