// `npm run bench:moderation`: the moderation queue in a surge, on PostgreSQL 15 (throwaway cluster, or
// BENCH_DATABASE_URL). 100,000 pending comments (20 sentences with variants, so 20 groups of 5,000) among
// 200,000 reports; the queue page (default, filtered, second page) against the previous queue's read
// (100 oldest pending comments, no filter, no counts) measured in the same run; a group action on 5,000
// comments, its undo, a hide of another group; then counters checked against a recount from `report`.
import os from 'node:os';
import pg from 'pg';
import { prepareDatabase } from '../lib/setup/prepare-database';
import { fillModerationSurge } from './lib/moderation-fill';
import { getAsModerator, startModerationApp } from './lib/moderation-http';
import { startPostgres } from './lib/postgres';
import { percentile, time } from './lib/stats';
import { writeResults, type Row } from './lib/table';

const PENDING = Number(process.env.BENCH_PENDING ?? 100_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 40);
/** The 1/5/15-minute load average of this shared machine, as printed in the results. */
function loadAverage(): string {
  return os.loadavg().map((l) => l.toFixed(1)).join(' / ');
}

async function series(fn: () => Promise<unknown>): Promise<number[]> {
  await fn();
  const ms: number[] = [];
  for (let i = 0; i < RUNS; i += 1) ms.push(await time(fn));
  return ms;
}

async function main() {
  const server = await startPostgres();
  if (!server) throw new Error('PostgreSQL 15 introuvable (/usr/lib/postgresql/15/bin) et BENCH_DATABASE_URL absent.');
  try {
    await prepareDatabase({ url: server.url, kind: 'postgresql' });
    // A long statement timeout: on a busy machine the one-off fill and keying must not abort the run.
    Object.assign(process.env, { DATABASE_URL: server.url, NODE_ENV: 'production', DB_POOL_MAX: '10', DB_TIMEOUT_MS: '60000' });
    const { getDb } = await import('../lib/db/client');
    const { assignCommentKeys, countPendingKeys } = await import('../lib/db/moderation-queue');
    const { listModerationQueue } = await import('../lib/db/moderation');
    const { commentKey } = await import('@/lib/domain/comment-key');
    const { forgetQueueAggregates, getCommentQueue } = await import('../lib/moderation/comment-queue');
    const { moderateComments, undoModeration } = await import('../lib/moderation/comment-actions');
    const { queueQuerySchema } = await import('../lib/moderation/queue-schema');
    const client = new pg.Client({ connectionString: server.url });
    await client.connect();
    const now = new Date();
    const fillMs = await time(() => fillModerationSurge(client, now, PENDING));
    let keyed = 0;
    const batchMs: number[] = [];
    const keyingMs = await time(async () => {
      for (let n = 1; n > 0; keyed += n) {
        const started = performance.now();
        n = await assignCommentKeys(getDb(), commentKey, 5_000);
        batchMs.push(performance.now() - started);
        if (process.env.BENCH_VERBOSE) console.log(`keyed ${n} in ${Math.round(batchMs.at(-1) ?? 0)} ms`);
      }
    });
    await client.query('VACUUM ANALYZE report');
    const db = getDb();
    const at = new Date(now.getTime() + 1000);
    const page = (q: Record<string, string>) => getCommentQueue({ query: queueQuerySchema.parse(q), now: at });
    const first = await page({});
    const filtered = { service: first.facets.platform[0]?.value ?? '', periode: 'jour' };
    const rows: Row[] = [];
    const row = (name: string, ms: number[], baseline?: number[], target?: boolean) => {
      const p95 = percentile(ms, 95);
      rows.push({ case: name, runs: ms.length, 'p50 ms': percentile(ms, 50).toFixed(1), 'p95 ms': p95.toFixed(1),
        'vs baseline (p95)': baseline ? `${(p95 / percentile(baseline, 95)).toFixed(1)}×` : '',
        target: target ? (p95 < 300 ? 'p95 < 300 ms: yes' : 'p95 < 300 ms: NO') : '' });
    };
    const load: string[] = [loadAverage()];
    const app = process.env.BENCH_NO_HTTP ? null : await startModerationApp(db, server.url);
    if (app) {
      try {
        const http = (pathAndQuery: string) => () => getAsModerator(app, pathAndQuery);
        const httpBaseline = await series(http('/api/moderation/queue'));
        row('HTTP: previous queue API (100 oldest pending, flagged, hidden; no counts) (baseline)', httpBaseline);
        row('HTTP: GET /api/moderation/comments (newest 50, groups, counts per filter)', await series(http('/api/moderation/comments')), httpBaseline, true);
        row('HTTP: GET /admin/moderation (whole page: queue, report sections, undo)', await series(http('/admin/moderation')), httpBaseline, true);
        const f = new URLSearchParams(filtered).toString();
        row('HTTP: GET /api/moderation/comments filtered (service + 24 h)', await series(http(`/api/moderation/comments?${f}`)), httpBaseline);
        load.push(loadAverage());
      } finally {
        await app.stop();
      }
    }
    const baseline = await series(() => listModerationQueue(db, 100));
    row('in process: previous queue read, 100 oldest pending, no filter, no counts (baseline)', baseline);
    const live = (q: Record<string, string>) => () => getCommentQueue({ query: queueQuerySchema.parse(q), now: new Date() });
    const cold = (q: Record<string, string>) => async () => {
      forgetQueueAggregates();
      await page(q);
    };
    row('in process: queue page, counts refreshed every 5 s (stale while revalidating)', await series(live({})), baseline, true);
    row('in process: same page, counts recomputed on every read (as after an action)', await series(cold({})), baseline);
    row('in process: queue page filtered (service + 24 h), counts recomputed', await series(cold(filtered)), baseline);
    row('in process: queue page 2 (cursor)', await series(() => page({ apres: first.nextCursor ?? '' })), baseline);
    load.push(loadAverage());

    const actor = { userId: 'bench-moderator', label: 'bench@bench.example' };
    const [g1, g2] = first.groups;
    if (!g1 || !g2) throw new Error('groups missing');
    const groupInput = (g: typeof g1, op: 'approve' | 'hide') => ({ scope: 'group' as const, op, keys: g.keys, expected: g.count, asOf: at, periode: 'tout' as const });
    let actionId = '';
    const approveMs = await time(async () => {
      actionId = (await moderateComments(actor, groupInput(g1, 'approve'), at)).actionId;
    });
    const undoMs = await time(() => undoModeration(actor, { actionId }, at));
    let hidden = 0;
    const hideMs = await time(async () => {
      hidden = (await moderateComments(actor, groupInput(g2, 'hide'), at)).changed;
    });
    for (const [name, ms, n] of [['group action: publish', approveMs, g1.count], ['undo of that action', undoMs, g1.count], ['group action: hide', hideMs, hidden]] as const) {
      rows.push({ case: `${name} (${n} comments)`, runs: 1, 'p50 ms': ms.toFixed(0), 'p95 ms': ms.toFixed(0), 'vs baseline (p95)': '', target: name.startsWith('group') ? (ms < 2000 ? '< 2 s: yes' : '< 2 s: NO') : '' });
    }

    forgetQueueAggregates();
    const after = await page({});
    const recount = await client.query<{ pending: number; counted: number; counters: number }>(`SELECT
      (SELECT count(*)::int FROM report WHERE comment_state = 'pending' AND moderation_state <> 'hidden') AS pending,
      (SELECT count(*)::int FROM report WHERE counted) AS counted,
      (SELECT coalesce(sum(reports), 0)::int FROM report_count) AS counters`);
    const r = recount.rows[0];
    const facetSums = Object.values(after.facets).map((list) => list.reduce((s, o) => s + o.count, 0));
    const sizes = await countPendingKeys(db, {}, g1.keys);
    const checks = {
      pendingBefore: first.total, pendingAfter: after.total, recountedPending: r?.pending,
      expectedAfter: first.total - hidden, facetSumsEqualTotal: facetSums.every((s) => s === after.total),
      undoneGroupBackToFullSize: [...sizes.values()].reduce((a, b) => a + b, 0) === g1.count,
      reportCountersEqualCountedReports: r?.counters === r?.counted,
    };
    const consistent = checks.pendingAfter === checks.recountedPending && checks.pendingAfter === checks.expectedAfter
      && checks.facetSumsEqualTotal && checks.undoneGroupBackToFullSize && checks.reportCountersEqualCountedReports;
    rows.push({ case: 'counters consistent afterwards', runs: 1, 'p50 ms': '', 'p95 ms': '', 'vs baseline (p95)': '', target: consistent ? 'yes' : 'NO' });
    load.push(loadAverage());
    writeResults('moderation', `Moderation queue, ${PENDING.toLocaleString('en')} pending comments (${(2 * PENDING).toLocaleString('en')} reports), PostgreSQL 15, load average (1/5/15 min) ${load.join(' → ')}`, rows, {
      loadAverage: load, fillMs: Math.round(fillMs), keyingMs: Math.round(keyingMs), keyed, groups: first.groups.map((g) => g.count), checks,
    });
    console.log(`fill ${Math.round(fillMs)} ms, keying ${keyed} comments ${Math.round(keyingMs)} ms`, checks);
    await client.end();
    await db.$disconnect();
    if (!consistent) process.exitCode = 1;
  } finally {
    server.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
