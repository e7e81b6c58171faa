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

type Group = { entries: Entry[]; until: number };
type Entry = { report: PlannedReport; seq: number; group: Group };
export type InFlightReporter = { key: string; device: string; at: number };
type Index = Map<string, Set<Entry>>;

function indexEntry(index: Index, key: string | null, entry: Entry): void {
  if (key === null) return;
  const set = index.get(key);
  if (set) set.add(entry);
  else index.set(key, new Set([entry]));
}

function unindexEntry(index: Index, key: string | null, entry: Entry): void {
  const set = key === null ? undefined : index.get(key);
  if (!set) return;
  set.delete(entry);
  if (set.size === 0) index.delete(key as string);
}

/**
 * The reports this process has planned whose rows a concurrent batch may not see yet (written,
 * or committed after that batch's read began). With several batch writes in flight, counting
 * decisions then see each other as they would with one writer. Indexed by source, device and
 * comment, so a match costs the size of the batch, not of the list (a few seconds of intake).
 */
export function createInFlightReports(graceMs = IN_FLIGHT_GRACE_MS): InFlightReports {
  const groups: Group[] = [];
  const bySource: Index = new Map();
  const byDevice: Index = new Map();
  const byComment: Index = new Map();
  let seq = 0;
  let size = 0;

  function drop(group: Group): void {
    for (const e of group.entries) {
      unindexEntry(bySource, e.report.fingerprint, e);
      unindexEntry(byDevice, e.report.deviceHash, e);
      unindexEntry(byComment, e.report.comment, e);
    }
    size -= group.entries.length;
  }

  return {
    add(planned) {
      const group: Group = { entries: [], until: Number.POSITIVE_INFINITY };
      for (const report of planned) {
        const entry = { report, seq: seq++, group };
        group.entries.push(entry);
        indexEntry(bySource, report.fingerprint, entry);
        indexEntry(byDevice, report.deviceHash, entry);
        indexEntry(byComment, report.comment, entry);
      }
      size += group.entries.length;
      groups.push(group);
      return (stored, now) => {
        if (stored) {
          group.until = now + graceMs;
          return;
        }
        const at = groups.indexOf(group);
        if (at >= 0) groups.splice(at, 1);
        drop(group);
      };
    },
    match(reports, now) {
      while (groups.length > 0 && (groups[0] as Group).until < now) drop(groups.shift() as Group);
      const keys = new Set(reports.map((r) => r.idempotencyKey));
      const found = new Set<Entry>();
      const collect = (set: Set<Entry> | undefined) => set?.forEach((e) => found.add(e));
      for (const r of reports) {
        collect(bySource.get(r.fingerprint));
        if (r.deviceHash) collect(byDevice.get(r.deviceHash));
        if (r.comment) collect(byComment.get(r.comment));
      }
      const recent: RecentReport[] = [];
      const reporters: InFlightReporter[] = [];
      for (const { report: p, group } of [...found].sort((a, b) => a.seq - b.seq)) {
        if (group.until < now || keys.has(p.idempotencyKey)) continue;
        recent.push({ fingerprint: p.fingerprint, deviceToken: p.deviceHash, platform: p.platform, academy: p.academy, category: p.category, comment: p.comment, receivedAt: p.receivedAt, counted: p.counted });
        if (p.counted && p.distinctReporter) reporters.push({ key: `${p.fingerprint}|${p.platform}`, device: p.deviceHash ?? '', at: p.receivedAt.getTime() });
      }
      return { recent, reporters };
    },
    size: () => size,
  };
}
