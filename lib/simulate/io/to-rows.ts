import { createHash } from 'node:crypto';
import type { NewReportRow } from '@/lib/db/reports';
import { planBatch, toReportRow, type PendingReport } from '@/lib/ingest/plan-batch';
import { deviceKey, sourcePlatformKey, type CountedReporter } from '@/lib/ingest/reporter-budget';
import type { RecentReport } from '@/lib/ingest/counting-policy';
import { COUNT_WINDOW_MS, DUPLICATE_WINDOW_MS, FLOOD_WINDOW_MS, REPORTER_WINDOW_MS } from '@/lib/ingest/thresholds';
import { uuidv7 } from '@/lib/domain/uuid';
import type { SimReport } from '../types';

const WINDOW_MS = Math.max(COUNT_WINDOW_MS, DUPLICATE_WINDOW_MS, FLOOD_WINDOW_MS);

/**
 * Turns simulated reports (chronological chunks) into stored rows with the production counting
 * policy, keeping the last minutes of decisions between chunks, so spam is flagged as it would be live.
 */
export function createRowPlanner(seed: number) {
  let recent: RecentReport[] = [];
  const reporters = new Map<string, CountedReporter[]>();
  let prunedAt = Number.NEGATIVE_INFINITY;
  return function planRows(chunk: SimReport[]): NewReportRow[] {
    if (chunk.length === 0) return [];
    const pending: PendingReport[] = chunk.map((r, i) => {
      const fingerprint = createHash('sha256').update(`${seed}:${r.source}`).digest('hex');
      return {
        id: uuidv7(r.t),
        platform: r.platformId,
        academy: r.academyId,
        category: r.category,
        role: r.role,
        comment: r.comment ?? null,
        observedAt: null,
        idempotencyKey: `sim-${seed}-${r.t}-${r.source}-${i}-${r.platformId}`.slice(0, 64),
        fingerprint,
        deviceHash: null,
        // A simulated person reports from a network of their own (home or mobile), as most do.
        network: createHash('sha256').update(`${seed}:network:${r.source}`).digest('hex'),
        powVerified: false,
        website: undefined,
        receivedAt: new Date(r.t),
      };
    });
    const last = chunk.at(-1)?.t ?? 0;
    recent = recent.filter((r) => r.receivedAt.getTime() > last - WINDOW_MS * 2);
    if (last - prunedAt > REPORTER_WINDOW_MS) {
      prunedAt = last;
      for (const [key, list] of reporters) {
        const kept = list.filter((r) => r.at > last - REPORTER_WINDOW_MS * 2);
        if (kept.length > 0) reporters.set(key, kept);
        else reporters.delete(key);
      }
    }
    const planned = planBatch({ reports: pending, recent, reporters });
    for (const p of planned) {
      recent.push({
        fingerprint: p.fingerprint,
        deviceToken: null,
        platform: p.platform,
        academy: p.academy,
        category: p.category,
        comment: p.comment,
        receivedAt: p.receivedAt,
        counted: p.counted,
      });
      if (!p.distinctReporter) continue;
      const key = sourcePlatformKey(p.fingerprint, p.platform);
      const list = reporters.get(key);
      if (list) list.push({ device: deviceKey(p.deviceHash), at: p.receivedAt.getTime() });
      else reporters.set(key, [{ device: deviceKey(p.deviceHash), at: p.receivedAt.getTime() }]);
    }
    return planned.map(toReportRow);
  };
}
