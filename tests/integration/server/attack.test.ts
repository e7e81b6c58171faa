import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { getLiveRuntime } from '@/lib/live/runtime';
import { attackerAddresses, reporterAddresses, runEdgeAttack } from '../../../bench/lib/edge-attack';
import { startEdgeServer } from '../../helpers/edge-server';
import { postJson } from '../../helpers/raw-http';
import { reportBody } from '../../helpers/requests';

let server: Awaited<ReturnType<typeof startEdgeServer>>;

beforeAll(async () => {
  await getLiveRuntime().ready;
  // Production limits (lib/config/env-schema.ts defaults), body deadline included.
  server = await startEdgeServer();
  // A running instance: its first report (secret, settings, catalogue loaded) is behind it.
  const warm = await postJson({ port: server.port, localAddress: '127.0.9.1', path: '/api/reports', body: reportBody() });
  expect(warm.status).toBe(201);
});
afterAll(async () => {
  await server.close();
  await getLiveRuntime().stop();
});

describe('intake under attack (issue 10)', () => {
  // Timing-sensitive on a loaded 2-core machine (interleaved publishers / an attack sharing the CPU): retried, never loosened.
  test('200 slow bodies and 1,000 streams from 4 addresses: 100 reporters from other addresses over 5 s are all accepted; health says degraded', { retry: 2 }, async () => {
    // 20 reports/s: what this shared 2-core test machine sustains; bench/edge-attack.ts measures a 1 s burst.
    const attack = await runEdgeAttack({ port: server.port, attackers: attackerAddresses(4), reporters: reporterAddresses(100), slowBodies: 200, streams: 1000, spreadMs: 5000 });
    try {
      expect(attack.legit.filter((r) => r.status !== 201 && r.status !== 200)).toEqual([]);
      // A handful of streams per attacking address; the rest refused rather than filling the instance.
      expect(attack.streams.open).toBeLessThanOrEqual(4 * 6);
      expect(attack.streams.refused + attack.streams.failed).toBeGreaterThanOrEqual(1000 - 4 * 6);
      // Unfinished bodies are capped per address: most of the 200 were refused at once.
      expect(attack.slowBodies.held).toBeLessThanOrEqual(4 * 16);
      const health = await fetch(`http://127.0.0.1:${server.port}/api/health`);
      const body = await health.json();
      expect(body.status).toBe('degraded');
      expect(body.intake.degraded).toBe(true);
      expect(body.intake.lastMinute.stream_refused).toBeGreaterThan(900);
    } finally {
      await attack.stop();
    }
  });
});
