import 'server-only';
import { summarizeIntake } from '@/lib/http/intake-stats';
import { readPeer } from '@/lib/http/peer';
import { withTimeout } from '@/lib/http/timeout';
import { checkHealth } from './check-health';

export type HealthAnswer = { status: number; headers: Record<string, string>; body: string };

const LOOPBACK = /^(127\.|::1$|::ffff:127\.)/;

/** Version, migrations, Redis and intake counters are for operators: a request from this machine, or an admin. */
async function mayReadDetails(headers: Headers): Promise<boolean> {
  const peer = readPeer(headers);
  if (peer && !peer.trustedProxy && LOOPBACK.test(peer.address)) return true;
  if (!headers.get('cookie')) return false;
  // Loaded on use: lib/auth/session imports next/headers, which our server may only load once Next.js is ready.
  const { getRequestSession } = await import('@/lib/auth/session');
  const session = await withTimeout(getRequestSession({ headers }), 2000).catch(() => null);
  return session?.roles.includes('admin') ?? false;
}

/**
 * GET /api/health, for the Next.js route and our server's fast path alike. Public answer: status and
 * durability only. 503 when the database is unreachable or behind its migrations; 200 with status
 * "degraded" while Redis is down or frozen, or intake is refusing or cutting off many requests.
 */
export async function answerHealth(headers: Headers): Promise<HealthAnswer> {
  const [report, details] = await Promise.all([checkHealth(), mayReadDetails(headers)]);
  const intake = summarizeIntake();
  const status = report.body.status === 'ok' && intake.degraded ? 'degraded' : report.body.status;
  const { durable, note } = report.body.database;
  const body: Record<string, unknown> = { status, time: report.body.time, durable, ...(note ? { note } : {}) };
  if (report.body.error) body.error = report.body.error;
  if (details) Object.assign(body, { version: report.body.version, database: report.body.database, redis: report.body.redis, intake });
  const headersOut: Record<string, string> = { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' };
  if (report.httpStatus === 503) headersOut['retry-after'] = '5';
  return { status: report.httpStatus, headers: headersOut, body: JSON.stringify(body) };
}
