import type { RecentReport } from './counting-policy';
import type { PendingReport, PlannedReport } from './plan-batch';

/** How long a stored report stays listed: longer than any read that began before its commit (statement timeout). */
export const IN_FLIGHT_GRACE_MS = 5_000;

export type InFlightReports = {
  /** Lists a batch's planned reports; call the returned function when its write has ended. */
  add(planned: readonly PlannedReport[]): (stored: boolean, now: number) => void;
  /**
   * Listed reports sharing a source, device or comment with `reports` (other idempotency keys only:
   * a retry is judged like its first attempt), as counting-policy entries, and the distinct reporters
   * they count, keyed like planBatch's `reporters` (`fingerprint|platform`).
   */
  match(reports: readonly PendingReport[], now: number): { recent: RecentReport[]; reporters: InFlightReporter[] };
  size(): number;
};

type Entry = { report: PlannedReport; until: number };
export type InFlightReporter = { key: string; device: string; at: number };

/**
 * The reports this process has planned whose rows a concurrent batch may not see yet (written,
 * or committed after that batch's read began). With several batch writes in flight, counting
 * decisions then see each other as they would with one writer.
 */
export function createInFlightReports(graceMs = IN_FLIGHT_GRACE_MS): InFlightReports {
  let entries = new Set<Entry>();
  return {
    add(planned) {
      const added = planned.map((report) => ({ report, until: Number.POSITIVE_INFINITY }));
      for (const entry of added) entries.add(entry);
      return (stored, now) => {
        for (const entry of added) {
          if (stored) entry.until = now + graceMs;
          else entries.delete(entry);
        }
      };
    },
    match(reports, now) {
      entries = new Set([...entries].filter((e) => e.until >= now));
      const keys = new Set(reports.map((r) => r.idempotencyKey));
      const sources = new Set(reports.map((r) => r.fingerprint));
      const devices = new Set(reports.flatMap((r) => (r.deviceHash ? [r.deviceHash] : [])));
      const comments = new Set(reports.flatMap((r) => (r.comment ? [r.comment] : [])));
      const recent: RecentReport[] = [];
      const reporters: InFlightReporter[] = [];
      for (const { report: p } of entries) {
        if (keys.has(p.idempotencyKey)) continue;
        const related = sources.has(p.fingerprint) || (p.deviceHash !== null && devices.has(p.deviceHash)) || (p.comment !== null && comments.has(p.comment));
        if (!related) continue;
        recent.push({ fingerprint: p.fingerprint, deviceToken: p.deviceHash, platform: p.platform, academy: p.academy, category: p.category, comment: p.comment, receivedAt: p.receivedAt, counted: p.counted });
        if (p.counted && p.distinctReporter) reporters.push({ key: `${p.fingerprint}|${p.platform}`, device: p.deviceHash ?? '', at: p.receivedAt.getTime() });
      }
      return { recent, reporters };
    },
    size: () => entries.size,
  };
}
