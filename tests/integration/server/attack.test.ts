import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { env } from '@/lib/env';
import { getLiveRuntime } from '@/lib/live/runtime';
import { attackerAddresses, reporterAddresses, runEdgeAttack, stallerAddresses } from '../../../bench/lib/edge-attack';
import { startEdgeServer } from '../../helpers/edge-server';
import { postJson } from '../../helpers/raw-http';
import { reportBody } from '../../helpers/requests';

let server: Awaited<ReturnType<typeof startEdgeServer>>;

beforeAll(async () => {
  await getLiveRuntime().ready;
  // Production limits (lib/config/env-schema.ts defaults), body deadline included.
  server = await startEdgeServer();
  const warm = await postJson({ port: server.port, localAddress: '127.0.9.1', path: '/api/reports', body: reportBody() });
  expect(warm.status).toBe(201);
});
afterAll(async () => {
  await server.close();
  await getLiveRuntime().stop();
});

// Counts and statuses only: how fast is measured by `npm run bench:attack` (bench/results/edge-attack.md).
describe('intake under attack (issue 10)', () => {
  test('200 slow bodies, 20 stalled chunks and 1,000 streams from 6 addresses: 100 reporters from other addresses are all accepted; health says degraded; every unfinished body is answered', async () => {
    const attackers = attackerAddresses(4);
    const perSource = env.MAX_PENDING_BODIES_PER_SOURCE;
    const attack = await runEdgeAttack({
      port: server.port,
      attackers,
      stallers: stallerAddresses(2),
      reporters: reporterAddresses(100),
      slowBodies: 200,
      stalledChunks: 20,
      streams: 1000,
      // Fewer in flight at once than shedding ever refuses (MIN_INFLIGHT_TO_SHED, 8): acceptance here cannot depend on the machine’s speed.
      spreadMs: 5000,
    });
    try {
      expect(attack.legit.filter((r) => r.status !== 201)).toEqual([]);
      // A handful of streams per attacking address; every other attempt refused with 429, none left hanging.
      expect(attack.streams).toEqual({ statuses: { 200: attackers.length * env.LIVE_MAX_PER_SOURCE, 429: 1000 - attackers.length * env.LIVE_MAX_PER_SOURCE }, failed: 0 });
      // Unfinished bodies capped per address: the rest refused with 429 at their headers.
      expect(attack.slowBodies().statuses[429]).toBe(200 - attackers.length * perSource);
      expect(attack.stalledChunks().statuses[429]).toBeUndefined();
      const health = await fetch(`http://127.0.0.1:${server.port}/api/health`);
      const body = await health.json();
      expect(body.status).toBe('degraded');
      expect(body.intake.degraded).toBe(true);
      expect(body.intake.lastMinute.stream_refused).toBe(1000 - attackers.length * env.LIVE_MAX_PER_SOURCE);
      expect(body.intake.lastMinute.refused_source).toBe(200 - attackers.length * perSource);
      // The server ends what it held at its body deadline: 408 JSON, then close (never a hang).
      await attack.settled();
      expect(attack.slowBodies()).toEqual({ statuses: { 408: attackers.length * perSource, 429: 200 - attackers.length * perSource }, unanswered: 0, total: 200 });
      expect(attack.stalledChunks()).toEqual({ statuses: { 408: 20 }, unanswered: 0, total: 20 });
    } finally {
      await attack.stop();
    }
  });
});
