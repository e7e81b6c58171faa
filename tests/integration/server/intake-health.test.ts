import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { AppError } from '@/lib/http/errors';
import { getIngestRuntime } from '@/lib/ingest/runtime';
import { getLiveRuntime } from '@/lib/live/runtime';
import { startEdgeServer } from '../../helpers/edge-server';
import { postJson } from '../../helpers/raw-http';
import { reportBody } from '../../helpers/requests';

let server: Awaited<ReturnType<typeof startEdgeServer>>;

beforeAll(async () => {
  await getLiveRuntime().ready;
  server = await startEdgeServer();
});
afterAll(async () => {
  vi.restoreAllMocks();
  await server.close();
  await getLiveRuntime().stop();
});

async function health() {
  const res = await fetch(`http://127.0.0.1:${server.port}/api/health`);
  return (await res.json()) as { status: string; intake: { degraded: boolean; lastMinute: Record<string, number> } };
}

describe('health when legitimate intake suffers (issue 10)', () => {
  test('reports the app cannot store (database late: 503) make health degraded, with no attacker involved', async () => {
    const ok = await postJson({ port: server.port, localAddress: '127.0.8.1', path: '/api/reports', body: reportBody() });
    expect(ok.status).toBe(201);
    expect((await health()).status).toBe('ok');
    const late = new AppError('unavailable', 'Service momentanément indisponible (database : délai dépassé).', { retryAfterSeconds: 5 });
    vi.spyOn(getIngestRuntime().batcher, 'submit').mockRejectedValue(late);
    const answers = await Promise.all(
      Array.from({ length: 25 }, (_, i) => postJson({ port: server.port, localAddress: `127.0.8.${i + 2}`, path: '/api/reports', body: reportBody() })),
    );
    expect(answers.map((a) => a.status)).toEqual(Array.from({ length: 25 }, () => 503));
    const body = await health();
    expect(body.status).toBe('degraded');
    expect(body.intake).toMatchObject({ degraded: true, lastMinute: { accepted: 1, failed: 25 } });
  });
});
