import type { PrismaClient } from '@/lib/db/types';
import type { ProblemCategory } from '@/lib/domain/types';
import { readBatchContext } from '@/lib/db/aggregates';
import { findReportsByKeys, insertReportBatch, type BatchInsertOptions } from '@/lib/db/reports';
import { planBatch, toReportRow, type PendingReport, type PlannedReport } from './plan-batch';
import type { InFlightReports } from './in-flight';
import type { ReportAccepted } from './schema';
import { COUNT_WINDOW_MS, DUPLICATE_WINDOW_MS, FLOOD_WINDOW_MS, REPORTER_WINDOW_MS } from './thresholds';
import { componentLogger, errorMessage } from '@/lib/log/logger';

const log = componentLogger('ingest');

export type BatchResult = ReportAccepted;

export const LOCAL_COUNT_WINDOW_MS = 30 * 60_000;
const RECENT_WINDOW_MS = Math.max(COUNT_WINDOW_MS, DUPLICATE_WINDOW_MS, FLOOD_WINDOW_MS);

export type BatchHooks = {
  /** Called with the reports just stored (durably), e.g. to announce them live. */
  onStored?: (reports: PlannedReport[]) => void;
  /** This process's reports still being written, when several batch writes run at once. */
  inFlight?: InFlightReports;
  /** The ledger benchmark's baseline only (see BatchInsertOptions). */
  insert?: BatchInsertOptions;
};

/** Decides counting for a batch of reports, stores them durably, and answers each one. */
export async function processBatch(db: PrismaClient, items: PendingReport[], hooks: BatchHooks = {}): Promise<BatchResult[]> {
  const now = items.reduce((max, i) => (i.receivedAt > max ? i.receivedAt : max), items[0]?.receivedAt ?? new Date());
  const fingerprints = [...new Set(items.map((i) => i.fingerprint))];
  const { recent: recentRows, counts: countsBefore, reporters: stored } = await readBatchContext(db, {
    recentSince: new Date(now.getTime() - RECENT_WINDOW_MS),
    reportersSince: new Date(now.getTime() - REPORTER_WINDOW_MS),
    countsSince: new Date(now.getTime() - LOCAL_COUNT_WINDOW_MS),
    fingerprints,
    deviceHashes: [...new Set(items.flatMap((i) => (i.deviceHash ? [i.deviceHash] : [])))],
    comments: [...new Set(items.flatMap((i) => (i.comment ? [i.comment] : [])))],
    pairs: uniquePairs(items),
  });
  const pending = hooks.inFlight?.match(items, Date.now()) ?? { recent: [], reporters: [] };
  const reporters = new Map(stored);
  for (const r of pending.reporters) reporters.set(r.key, [...(reporters.get(r.key) ?? []), { device: r.device, at: r.at }]);
  const planned = planBatch({
    reports: items,
    recent: [
      ...recentRows.map((r) => ({
        fingerprint: r.sourceFingerprint,
        deviceToken: r.deviceTokenHash,
        platform: r.platformId,
        academy: r.academyId,
        category: r.category as ProblemCategory,
        comment: r.comment,
        receivedAt: r.createdAt,
        counted: r.counted,
      })),
      ...pending.recent,
    ],
    reporters,
  });
  const settle = hooks.inFlight?.add(planned);
  let inserted: Awaited<ReturnType<typeof insertReportBatch>>;
  try {
    inserted = await insertReportBatch(db, planned.map(toReportRow), hooks.insert);
    settle?.(true, Date.now());
  } catch (error) {
    settle?.(false, Date.now());
    throw error;
  }
  const insertedKeys = new Set(inserted.map((r) => r.idempotencyKey));
  if (hooks.onStored && inserted.length > 0) announce(hooks.onStored, planned, inserted);
  const existing = await findReportsByKeys(
    db,
    items.map((i) => i.idempotencyKey).filter((k) => !insertedKeys.has(k)),
  );
  const byKey = new Map([...inserted, ...existing].map((r) => [r.idempotencyKey, r]));
  const counts = new Map(countsBefore);
  for (const r of inserted) {
    if (r.counted) counts.set(`${r.platformId}|${r.academyId}`, (counts.get(`${r.platformId}|${r.academyId}`) ?? 0) + 1);
  }
  return items.map((item) => {
    const stored = byKey.get(item.idempotencyKey);
    if (!stored) throw new Error('report neither inserted nor found');
    return {
      id: stored.id,
      status: insertedKeys.has(item.idempotencyKey) && stored.id === item.id ? 'accepted' : 'duplicate',
      counted: stored.counted,
      localCount: counts.get(`${stored.platformId}|${stored.academyId}`) ?? 0,
      platform: stored.platformId,
      academy: stored.academyId,
    };
  });
}

function announce(onStored: NonNullable<BatchHooks['onStored']>, planned: PlannedReport[], inserted: Array<{ id: string }>): void {
  const insertedIds = new Set(inserted.map((r) => r.id));
  try {
    onStored(planned.filter((p) => insertedIds.has(p.id)));
  } catch (error) {
    // The reports are stored: a failing announcement must not turn their answer into an error.
    log.error({ err: errorMessage(error) }, 'onStored failed');
  }
}

function uniquePairs(items: PendingReport[]) {
  const seen = new Map<string, { platformId: string; academyId: string }>();
  for (const i of items) seen.set(`${i.platform}|${i.academy}`, { platformId: i.platform, academyId: i.academy });
  return [...seen.values()];
}
