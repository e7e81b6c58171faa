import 'server-only';
import pkg from '@/package.json';
import { getDatabaseKind } from '@/lib/db/client';
import { checkDatabase, type DatabaseHealth } from '@/lib/db/health';
import { summarizeIntake } from '@/lib/http/intake-stats';
import { readPeer } from '@/lib/http/peer';
import { withTimeout } from '@/lib/http/timeout';

export type HealthAnswer = { status: number; headers: Record<string, string>; body: string };
type Status = 'ok' | 'degraded' | 'unavailable';

const LOOPBACK = /^(127\.|::1$|::ffff:127\.)/;

/** Version, migrations and intake counters are for operators: a request from this machine, or an admin. */
async function mayReadDetails(headers: Headers): Promise<boolean> {
  const peer = readPeer(headers);
  if (peer && !peer.trustedProxy && LOOPBACK.test(peer.address)) return true;
  if (!headers.get('cookie')) return false;
  // Loaded on use: lib/auth/session imports next/headers, which our server may only load once Next.js is ready.
  const { getRequestSession } = await import('@/lib/auth/session');
  const session = await withTimeout(getRequestSession({ headers }), 2000).catch(() => null);
  return session?.roles.includes('admin') ?? false;
}

async function databaseState(): Promise<{ status: Status; database: DatabaseHealth | { kind: string; reachable: false } }> {
  try {
    const database = await withTimeout(checkDatabase(), 2500);
    const ok = !database.migrations.error && database.migrations.pending.length === 0;
    return { status: ok ? 'ok' : 'degraded', database };
  } catch (error) {
    console.error('[health] database unreachable', error instanceof Error ? error.message : error);
    return { status: 'unavailable', database: { kind: getDatabaseKind(), reachable: false } };
  }
}

/**
 * GET /api/health, for the Next.js route and our server's fast path alike. Public answer: status
 * only. 503 when the database is unreachable or behind its migrations; 200 with status "degraded"
 * while intake is refusing or cutting off many requests (the instance still serves).
 */
export async function answerHealth(headers: Headers): Promise<HealthAnswer> {
  const [{ status: dbStatus, database }, details] = await Promise.all([databaseState(), mayReadDetails(headers)]);
  const intake = summarizeIntake();
  const status: Status = dbStatus !== 'ok' ? dbStatus : intake.degraded ? 'degraded' : 'ok';
  const body: Record<string, unknown> = { status, time: new Date().toISOString() };
  if (dbStatus === 'unavailable') body.error = { code: 'unavailable', message: 'Base de données injoignable.' };
  if (details) Object.assign(body, { version: pkg.version, database, intake });
  const headersOut: Record<string, string> = { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' };
  if (dbStatus === 'unavailable') headersOut['retry-after'] = '5';
  return { status: dbStatus === 'ok' ? 200 : 503, headers: headersOut, body: JSON.stringify(body) };
}
