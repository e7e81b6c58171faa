import { solveChallenge, type Challenge } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/pbkdf2';
import { describe, expect, test, vi } from 'vitest';
import { nextIp, reportBody, reportRequest } from '../../helpers/requests';

async function loadRoutes() {
  vi.resetModules();
  process.env.POW_MODE = 'auto';
  delete (globalThis as { __ingest?: unknown }).__ingest;
  const reports = await import('@/app/api/reports/route');
  const pow = await import('@/app/api/pow/challenge/route');
  // The surge switch is shared through the database: a state of this test's own, not other suites'.
  const [{ getIngestRuntime }, { createSharedSurge }, { getDb }] = await Promise.all([import('@/lib/ingest/runtime'), import('@/lib/pow/shared-surge'), import('@/lib/db/client')]);
  getIngestRuntime().surge = createSharedSurge(getDb(), { id: `test-${crypto.randomUUID()}` });
  return { postReport: reports.POST, getChallenge: pow.GET };
}

describe('proof of work switched on by an abnormal surge', () => {
  test('asks for a proof of work during a surge and accepts a solved challenge', async () => {
    const { postReport, getChallenge } = await loadRoutes();
    const idle = await (await getChallenge(new Request('http://localhost/api/pow/challenge'), undefined)).json();
    expect(idle).toEqual({ enabled: false });

    let refused: Response | null = null;
    for (let i = 0; i < 200 && !refused; i += 1) {
      const res = await postReport(reportRequest(reportBody({ platform: 'lumni', academy: 'corse' }), { ip: nextIp() }), undefined);
      if (res.status === 400) refused = res;
    }
    expect(refused).not.toBeNull();
    const error = (await refused?.json()) as { error: { issues: Array<{ field: string; code: string }> } };
    expect(error.error.issues[0]).toMatchObject({ field: 'altcha', code: 'pow_required' });

    const { enabled, challenge } = (await (await getChallenge(new Request('http://localhost/api/pow/challenge'), undefined)).json()) as {
      enabled: boolean;
      challenge: Challenge;
    };
    expect(enabled).toBe(true);
    const solution = await solveChallenge({ challenge, deriveKey, timeout: 60_000 });
    expect(solution).toBeTruthy();
    const payload = Buffer.from(JSON.stringify({ challenge, solution })).toString('base64');
    const body = reportBody({ platform: 'lumni', academy: 'corse' });
    const ok = await postReport(reportRequest(body, { ip: nextIp(), headers: { 'x-altcha': payload } }), undefined);
    expect(ok.status).toBe(201);
    const replay = await postReport(reportRequest(reportBody({ platform: 'lumni', academy: 'corse' }), { ip: nextIp(), headers: { 'x-altcha': payload } }), undefined);
    expect(replay.status).toBe(400);
    process.env.POW_MODE = 'off';
  });
});
