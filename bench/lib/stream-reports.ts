// Reports carried by one live-stream event as the benches read it: a counts frame (the app folds the
// reports of each flush, see lib/live/fold.ts) or a single report (the bare echo baseline).

/** Reports in the event and the instant of its oldest one (POST-to-live is measured from it: an upper bound within a frame). */
export function reportsOf(data: string): { reports: number; oldest: number } | null {
  let delta: { kind?: string; at?: string; since?: string; cells?: unknown[][] };
  try {
    delta = JSON.parse(data) as typeof delta;
  } catch {
    return null;
  }
  if (delta.kind === 'report' && delta.at) return { reports: 1, oldest: Date.parse(delta.at) };
  if (delta.kind !== 'counts' || !delta.since || !Array.isArray(delta.cells)) return null;
  const reports = delta.cells.reduce((n, cell) => n + (typeof cell[4] === 'number' ? cell[4] : 0), 0);
  return { reports, oldest: Date.parse(delta.since) };
}
