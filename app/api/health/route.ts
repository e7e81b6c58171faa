import pkg from '@/package.json';
import { getDatabaseKind } from '@/lib/db/client';
import { checkDatabase } from '@/lib/db/health';
import { json } from '@/lib/http/respond';
import { withTimeout } from '@/lib/http/timeout';

export const dynamic = 'force-dynamic';

export async function GET(): Promise<Response> {
  const base = { version: pkg.version, time: new Date().toISOString() };
  try {
    const database = await withTimeout(checkDatabase(), 2500);
    const ok = !database.migrations.error && database.migrations.pending.length === 0;
    return json({ status: ok ? 'ok' : 'degraded', ...base, database }, { status: ok ? 200 : 503 });
  } catch (error) {
    console.error('[health] database unreachable', error instanceof Error ? error.message : error);
    return json(
      {
        status: 'unavailable',
        ...base,
        database: { kind: getDatabaseKind(), reachable: false },
        error: { code: 'unavailable', message: 'Base de données injoignable.' },
      },
      { status: 503, headers: { 'retry-after': '5' } },
    );
  }
}
