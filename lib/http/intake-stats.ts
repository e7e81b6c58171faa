import { processSingleton } from './process-singleton';

/**
 * `failed`: a report answered 5xx by the app (database late or down); `slow`: an accepted report that
 * took over SLOW_ACCEPT_MS in the app (also counted as accepted). Both mean legitimate intake suffers.
 */
export type IntakeEvent = 'accepted' | 'shed' | 'timeout' | 'refused_source' | 'stream_refused' | 'failed' | 'slow';

/** An accepted report slower than this in the app (ms, twice the 500 ms target seen by clients) counts as suffering. */
export const SLOW_ACCEPT_MS = 1000;

const WINDOW_SECONDS = 60;
/** Intake is degraded when, over the last minute, at least this many requests were refused, cut, failed or slow… */
const DEGRADED_MIN_REFUSALS = 20;
/** …and they were at least this share of all intake attempts. */
const DEGRADED_MIN_SHARE = 0.05;

type Bucket = { second: number; counts: Record<IntakeEvent, number> };
export type IntakeSummary = { degraded: boolean; lastMinute: Record<IntakeEvent, number> };

const empty = (): Record<IntakeEvent, number> => ({ accepted: 0, shed: 0, timeout: 0, refused_source: 0, stream_refused: 0, failed: 0, slow: 0 });

/** Per-process counts of what happened at the HTTP edge, read by /api/health (either module graph). */
function buckets(): Bucket[] {
  return processSingleton('intake-stats', () => Array.from({ length: WINDOW_SECONDS }, () => ({ second: -1, counts: empty() })));
}

export function recordIntake(event: IntakeEvent, nowMs = Date.now()): void {
  const second = Math.floor(nowMs / 1000);
  const all = buckets();
  const bucket = all[second % WINDOW_SECONDS];
  if (!bucket) return;
  if (bucket.second !== second) {
    bucket.second = second;
    bucket.counts = empty();
  }
  bucket.counts[event] += 1;
}

export function summarizeIntake(nowMs = Date.now()): IntakeSummary {
  const second = Math.floor(nowMs / 1000);
  const lastMinute = empty();
  for (const bucket of buckets()) {
    if (second - bucket.second >= WINDOW_SECONDS) continue;
    for (const key of Object.keys(lastMinute) as IntakeEvent[]) lastMinute[key] += bucket.counts[key];
  }
  const refusals = lastMinute.shed + lastMinute.timeout + lastMinute.refused_source + lastMinute.stream_refused + lastMinute.failed;
  const suffered = refusals + lastMinute.slow;
  const share = suffered / Math.max(1, refusals + lastMinute.accepted);
  return { degraded: suffered >= DEGRADED_MIN_REFUSALS && share >= DEGRADED_MIN_SHARE, lastMinute };
}
