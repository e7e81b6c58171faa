import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { getLiveRuntime } from '@/lib/live/runtime';
import { REFUSAL_PAUSE_MS } from '@/lib/server/load-shed';
import { startEdgeServer } from '../../helpers/edge-server';
import { postJson } from '../../helpers/raw-http';
import { reportBody } from '../../helpers/requests';

// One report at work at a time: the others sent with it are refused by the admission.
let server: Awaited<ReturnType<typeof startEdgeServer>>;
beforeAll(async () => {
  await getLiveRuntime().ready;
  server = await startEdgeServer({ maxInflight: 1 });
});
afterAll(async () => {
  await server.close();
  await getLiveRuntime().stop();
});

describe('a report refused under load', () => {
  test('is answered 503 with Retry-After after the refusal pause, not at once (clients that resend at once cannot spin on refusals)', async () => {
    const answers = await Promise.all(
      Array.from({ length: 12 }, (_, i) => postJson({ port: server.port, localAddress: `127.0.4.${i + 1}`, path: '/api/reports', body: reportBody() })),
    );
    const refused = answers.filter((a) => a.status === 503);
    expect(refused.length).toBeGreaterThan(0);
    expect(answers.filter((a) => a.status !== 503).every((a) => a.status === 201)).toBe(true);
    for (const answer of refused) {
      expect(answer.headers['retry-after']).toBe('2');
      expect(JSON.parse(answer.body)).toMatchObject({ error: { code: 'unavailable' } });
      // Timers may fire a millisecond early against performance.now().
      expect(answer.ms).toBeGreaterThanOrEqual(REFUSAL_PAUSE_MS - 2);
      expect(answer.ms).toBeLessThan(2_000);
    }
  });
});
