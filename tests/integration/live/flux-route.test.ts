import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { GET } from '@/app/api/flux/route';
import { POST } from '@/app/api/reports/route';
import { getDb } from '@/lib/db/client';
import { peerHeaderValue } from '@/lib/http/peer';
import { insertReportBatch } from '@/lib/db/reports';
import { uuidv7 } from '@/lib/domain/uuid';
import { getLiveRuntime } from '@/lib/live/runtime';
import { moderateIncident } from '@/lib/moderation/incidents';
import { moderateReport } from '@/lib/moderation/moderate';
import { collectSse, type SseCollector } from '../../helpers/sse-client';
import { reportRow } from '../../helpers/factories';
import { reportBody, reportRequest } from '../../helpers/requests';

const actor = { userId: null, label: 'modo@test.example' };
let address = 0;
/** Addresses no other suite uses (100.64.0.0/10): a source counts once per platform, whatever the test order. */
const ownIp = () => `100.64.${Math.floor((address += 1) / 250)}.${(address % 250) + 1}`;
const aborts: AbortController[] = [];

async function openFlux(search = ''): Promise<{ res: Response; stream: SseCollector }> {
  const abort = new AbortController();
  aborts.push(abort);
  const headers = { 'x-ecole-peer': peerHeaderValue(ownIp()) };
  const res = await GET(new Request(`http://localhost:3000/api/flux${search}`, { signal: abort.signal, headers }), undefined);
  if (!res.body) throw new Error('no body');
  return { res, stream: collectSse(res.body) };
}

beforeAll(async () => {
  await getLiveRuntime().ready;
});
afterAll(async () => {
  for (const a of aborts) a.abort();
  await getLiveRuntime().stop();
});

describe('GET /api/flux (route handler, in-process hub)', () => {
  test('streams a report accepted by POST /api/reports: counted, small, without source or comment', async () => {
    const { res, stream } = await openFlux();
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/event-stream/);
    expect(res.headers.get('cache-control')).toContain('no-transform');
    expect(res.headers.get('x-accel-buffering')).toBe('no');
    const body = reportBody({ platform: 'ecoledirecte', academy: 'amiens', category: 'slow', comment: 'Écrivez à jean@exemple.fr' });
    const posted = await POST(reportRequest(body, { ip: ownIp() }), undefined);
    expect(posted.status).toBe(201);
    expect(await posted.json()).toMatchObject({ counted: true });
    const delta = await stream.waitFor((d) => d.kind === 'report' && d.academyId === 'amiens' && d.platformId === 'ecoledirecte');
    expect(delta).toMatchObject({ kind: 'report', category: 'slow', reporter: true });
    const frame = stream.frames.find((f) => f.seq === delta.seq);
    expect(Object.keys(frame ?? {}).sort()).toEqual(['at', 'cells', 'first', 'kind', 'seq', 'since']);
    expect(stream.raw).toMatch(/^retry: \d+\n\n/);
    expect(stream.raw).not.toMatch(/exemple\.fr|fingerprint|198\.51\./);
    expect(stream.ids).toContain(String(delta.seq));
  });

  test('a report that does not count (same source again within minutes) is not streamed', async () => {
    const { stream } = await openFlux('?plateforme=skolengo');
    const ip = ownIp();
    const first = reportBody({ platform: 'skolengo', academy: 'strasbourg' });
    expect((await POST(reportRequest(first, { ip }), undefined)).status).toBe(201);
    await stream.waitFor((d) => d.kind === 'report');
    const again = await POST(reportRequest(reportBody({ platform: 'skolengo', academy: 'strasbourg' }), { ip }), undefined);
    expect(((await again.json()) as { counted: boolean }).counted).toBe(false);
    await new Promise((r) => setTimeout(r, 500));
    expect(stream.deltas.filter((d) => d.kind === 'report')).toHaveLength(1);
  });

  test('a platform filter leaves out other platforms’ reports', async () => {
    const { stream } = await openFlux('?plateforme=educonnect');
    expect((await POST(reportRequest(reportBody({ platform: 'pronote', academy: 'nice' }), { ip: ownIp() }), undefined)).status).toBe(201);
    expect((await POST(reportRequest(reportBody({ platform: 'educonnect', academy: 'nice' }), { ip: ownIp() }), undefined)).status).toBe(201);
    await stream.waitFor((d) => d.kind === 'report' && d.platformId === 'educonnect');
    expect(stream.deltas.some((d) => d.kind === 'report' && d.platformId === 'pronote')).toBe(false);
  });

  test('a client resuming with Last-Event-ID receives the deltas it missed', async () => {
    const { stream } = await openFlux();
    expect((await POST(reportRequest(reportBody({ platform: 'pronote', academy: 'rennes' }), { ip: ownIp() }), undefined)).status).toBe(201);
    const seen = await stream.waitFor((d) => d.kind === 'report' && d.academyId === 'rennes');
    expect((await POST(reportRequest(reportBody({ platform: 'pronote', academy: 'poitiers' }), { ip: ownIp() }), undefined)).status).toBe(201);
    await stream.waitFor((d) => d.kind === 'report' && d.academyId === 'poitiers');
    const abort = new AbortController();
    aborts.push(abort);
    const res = await GET(new Request('http://localhost:3000/api/flux', { headers: { 'last-event-id': String(seen.seq) }, signal: abort.signal }), undefined);
    const resumed = collectSse(res.body as ReadableStream<Uint8Array>);
    const missed = await resumed.waitFor((d) => d.kind === 'report');
    expect(missed).toMatchObject({ academyId: 'poitiers' });
    expect(resumed.deltas.some((d) => d.kind === 'report' && d.academyId === 'rennes')).toBe(false);
  });

  test('an incident opened by another process (the detector) reaches viewers; a dismissal asks for a resync', async () => {
    const { stream } = await openFlux();
    const id = uuidv7(Date.now());
    await getDb().incident.create({
      data: {
        id,
        platformId: 'cned-ma-classe-a-la-maison',
        scope: 'academies',
        level: 'detected',
        state: 'open',
        startedAt: new Date(Date.now() - 10 * 60_000),
        detectedAt: new Date(Date.now() - 8 * 60_000),
        academies: { create: [{ academyId: 'lyon', joinedAt: new Date(Date.now() - 10 * 60_000), level: 'detected' }] },
      },
    });
    const delta = await stream.waitFor((d) => d.kind === 'incident' && d.incident.id === id);
    expect(delta).toMatchObject({ kind: 'incident', incident: { level: 'detected', endedAt: null, academies: ['lyon'] } });
    await moderateIncident({ userId: 'modo-id', label: actor.label }, { op: 'dismiss', incidentId: id, reason: 'Test de l’équipe' });
    await stream.waitFor((d) => d.kind === 'resync' && d.seq > delta.seq);
  });

  test('hiding a counted report asks every viewer for a resync', async () => {
    const { stream } = await openFlux('?plateforme=pronote');
    const createdAt = new Date();
    const row = reportRow({ platformId: 'pronote', academyId: 'dijon', createdAt });
    await insertReportBatch(getDb(), [row]);
    await moderateReport(actor, { reportId: row.id, target: 'report', op: 'hide', reason: 'faux signalement' });
    await stream.waitFor((d) => d.kind === 'resync');
  });

  test('bad parameters are a 400 with the standard error body', async () => {
    const res = await GET(new Request('http://localhost:3000/api/flux?depuis=hier'), undefined);
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: { code: 'invalid_input', issues: [{ field: 'depuis' }] } });
  });
});
