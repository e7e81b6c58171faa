import type { NewReportRow } from '@/lib/db/reports';
import type { ProblemCategory } from '@/lib/domain/types';
import { decideCounting, isHoneypotFilled, type RecentReport } from './counting-policy';
import { deviceKey, isNewReporter, sourcePlatformKey, type CountedReporter } from './reporter-budget';

export type PendingReport = {
  id: string;
  platform: string;
  academy: string;
  category: ProblemCategory;
  role: string | null;
  comment: string | null;
  observedAt: Date | null;
  idempotencyKey: string;
  fingerprint: string;
  deviceHash: string | null;
  /** Network fingerprint (IPv4 /24, IPv6 /48 under the day key). */
  network: string | null;
  /** Whether the request carried a proof of work that verified (and was burnt). */
  powVerified: boolean;
  website: string | undefined;
  receivedAt: Date;
};

export type PlannedReport = PendingReport & {
  counted: boolean;
  distinctReporter: boolean;
  flagReason: string | null;
};

/**
 * Decides, in arrival order, which reports of a batch count: each report is checked against the
 * stored recent reports and the earlier ones of the same batch. A counted report is a distinct
 * reporter when its device is new for its source and platform within the reporter window and the
 * source's budget allows it (lib/ingest/reporter-budget.ts). `reporters` maps sourcePlatformKey
 * to the distinct reporters already counted (at least those of the last reporter window).
 */
export function planBatch(input: {
  reports: PendingReport[];
  recent: RecentReport[];
  reporters: ReadonlyMap<string, readonly CountedReporter[]>;
}): PlannedReport[] {
  const recent = [...input.recent];
  const added = new Map<string, CountedReporter[]>();
  const seenKeys = new Set<string>();
  const planned: PlannedReport[] = [];
  for (const report of input.reports) {
    if (seenKeys.has(report.idempotencyKey)) continue;
    seenKeys.add(report.idempotencyKey);
    const candidate = {
      fingerprint: report.fingerprint,
      deviceToken: report.deviceHash,
      platform: report.platform,
      academy: report.academy,
      category: report.category,
      comment: report.comment,
      receivedAt: report.receivedAt,
    };
    const decision = decideCounting({ report: candidate, honeypot: isHoneypotFilled(report.website), recent });
    const key = sourcePlatformKey(report.fingerprint, report.platform);
    const mine = added.get(key) ?? [];
    const counted = [...(input.reporters.get(key) ?? []), ...mine];
    const at = report.receivedAt.getTime();
    const distinctReporter =
      decision.counts && isNewReporter({ counted, deviceHash: report.deviceHash, powVerified: report.powVerified, at });
    if (distinctReporter) added.set(key, [...mine, { device: deviceKey(report.deviceHash), at }]);
    recent.push({ ...candidate, counted: decision.counts });
    planned.push({ ...report, counted: decision.counts, distinctReporter, flagReason: decision.flag });
  }
  return planned;
}

/** The stored row of a planned report. */
export function toReportRow(p: PlannedReport): NewReportRow {
  return {
    id: p.id,
    platformId: p.platform,
    academyId: p.academy,
    category: p.category,
    role: p.role,
    comment: p.comment,
    observedAt: p.observedAt,
    idempotencyKey: p.idempotencyKey,
    sourceFingerprint: p.fingerprint,
    deviceTokenHash: p.deviceHash,
    networkFingerprint: p.network,
    counted: p.counted,
    distinctReporter: p.distinctReporter,
    flagReason: p.flagReason,
    createdAt: p.receivedAt,
  };
}
