import { readCountRows, type CountBucket, type CountKey, type CountRow } from '@/lib/db/aggregates';
import { readPublicReports, type PublicReport } from '@/lib/db/public-reports';
import type { PrismaClient } from '@/lib/db/types';
import { formatParisLocal, parseParisLocal } from '@/lib/map-state/paris-time';

const MIN = 60_000;
/** Time slice aggregated per query, per bucket width: bounds one query's work whatever the period. */
export const SLICE_MS: Record<CountBucket, number> = { '1min': 2 * 60 * MIN, '15min': 1440 * MIN, '1h': 7 * 1440 * MIN, '1j': 92 * 1440 * MIN };
const DAY_SLICE = 92;
export const PAGE_SIZE = 10_000;

export type CountFilter = { from: Date; to: Date; bucket: CountBucket; platformId?: string | null; academyId?: string | null; category?: string | null };
export type ReportFilter = { from: Date; to: Date; platformId?: string | null; academyId?: string | null; category?: string | null };

function parisMidnight(t: number, addDays: number): number {
  const day = formatParisLocal(new Date(t)).slice(0, 10);
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const next = new Date(Date.UTC(y, m - 1, d + addDays)).toISOString().slice(0, 10);
  return parseParisLocal(`${next}T00:00`)?.getTime() ?? t + addDays * 1440 * MIN;
}

/** Time slices on bucket boundaries (Paris midnights for days), so no bucket straddles two slices. */
export function sliceEdges(filter: Pick<CountFilter, 'from' | 'to' | 'bucket'>): Array<[Date, Date]> {
  const edges: Array<[Date, Date]> = [];
  const from = filter.from.getTime();
  const to = filter.to.getTime();
  const size = SLICE_MS[filter.bucket];
  let t = filter.bucket === '1j' ? parisMidnight(from, 0) : Math.floor(from / size) * size;
  while (t < to) {
    const next = filter.bucket === '1j' ? parisMidnight(t + 12 * 60 * MIN, DAY_SLICE) : t + size;
    edges.push([new Date(Math.max(t, from)), new Date(Math.min(next, to))]);
    t = next;
  }
  return edges;
}

/** Aggregated counts over the filter, in key order, one page (≤ PAGE_SIZE rows) at a time. */
export async function* countPages(db: PrismaClient, filter: CountFilter, pageSize = PAGE_SIZE): AsyncGenerator<CountRow[]> {
  for (const [from, to] of sliceEdges(filter)) {
    let after: CountKey | null = null;
    for (;;) {
      const rows = await readCountRows(db, { ...filter, from, to, after, limit: pageSize });
      if (rows.length > 0) yield rows;
      if (rows.length < pageSize) break;
      after = rows[rows.length - 1] ?? null;
    }
  }
}

/** Public reports over the filter in (createdAt, id) order, one page at a time. */
export async function* reportPages(db: PrismaClient, filter: ReportFilter, pageSize = PAGE_SIZE): AsyncGenerator<PublicReport[]> {
  let after: { createdAt: Date; id: string } | null = null;
  for (;;) {
    const rows = await readPublicReports(db, { ...filter, after, limit: pageSize });
    if (rows.length > 0) yield rows;
    if (rows.length < pageSize) return;
    const last = rows[rows.length - 1];
    after = last ? { createdAt: last.createdAt, id: last.id } : null;
  }
}
