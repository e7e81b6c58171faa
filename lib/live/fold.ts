import type { CountsCell, CountsDelta, LiveDelta, StreamDelta } from '@/lib/map-state/types';

type ReportDelta = Extract<LiveDelta, { kind: 'report' }>;

const MINUTE_MS = 60_000;

/** One counts frame for report deltas in seq order (reports without a valid instant count nowhere, as on the map). */
export function foldReports(reports: readonly ReportDelta[]): CountsDelta | null {
  const first = reports[0];
  const last = reports.at(-1);
  if (!first || !last) return null;
  const cells = new Map<string, CountsCell>();
  let latest = Number.NEGATIVE_INFINITY;
  let earliest = Number.POSITIVE_INFINITY;
  for (const r of reports) {
    const t = Date.parse(r.at);
    if (!Number.isFinite(t)) continue;
    latest = Math.max(latest, t);
    earliest = Math.min(earliest, t);
    const minute = Math.floor(t / MINUTE_MS);
    const key = `${r.platformId}|${r.academyId}|${r.category}|${minute}`;
    const cell = cells.get(key);
    const add = r.reporter ? 1 : 0;
    if (cell) {
      cell[4] += 1;
      cell[5] += add;
    } else cells.set(key, [r.platformId, r.academyId, r.category, minute, 1, add]);
  }
  const iso = (t: number) => new Date(Number.isFinite(t) ? t : 0).toISOString();
  return { kind: 'counts', seq: last.seq, first: first.seq, at: iso(latest), since: iso(earliest), cells: [...cells.values()] };
}

/**
 * Stream deltas for deltas in seq order: each run of reports becomes one counts frame, incidents and
 * resyncs stay as they are and keep their place.
 */
export function foldDeltas(deltas: readonly LiveDelta[]): StreamDelta[] {
  const out: StreamDelta[] = [];
  let run: ReportDelta[] = [];
  const close = () => {
    const counts = foldReports(run);
    if (counts) out.push(counts);
    run = [];
  };
  for (const delta of deltas) {
    if (delta.kind === 'report') run.push(delta);
    else {
      close();
      out.push(delta);
    }
  }
  close();
  return out;
}
