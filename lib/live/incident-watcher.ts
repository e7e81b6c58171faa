import { incidentEvents, type Announced, type ChangedIncident } from './incident-events';
import type { LiveEvent, LiveLog } from './types';

export const INCIDENT_POLL_MS = 2_000;
/** Rows are re-read this long after their update: a transaction may commit after a later one. */
const OVERLAP_MS = 15_000;

/**
 * Turns incident changes made by any process (the detector, moderators, another instance) into
 * live events, by reading rows updated since the last look every `intervalMs`. The first read only
 * primes the watermark.
 */
export function createIncidentWatcher(opts: {
  read(since: Date): Promise<ChangedIncident[]>;
  emit(events: LiveEvent[]): void;
  intervalMs?: number;
  now?: () => number;
  log?: LiveLog;
}): { poll(): Promise<void>; start(): Promise<void>; stop(): void } {
  const now = opts.now ?? Date.now;
  const seen: Announced = new Map();
  let since = now() - OVERLAP_MS;
  let primed = false;
  let running = false;
  let timer: NodeJS.Timeout | null = null;
  let failing = false;

  async function poll(): Promise<void> {
    if (running) return;
    running = true;
    try {
      const rows = await opts.read(new Date(since));
      const t = now();
      const events = incidentEvents(rows, seen, new Date(t));
      if (primed && events.length > 0) opts.emit(events);
      primed = true;
      since = t - OVERLAP_MS;
      for (const [id, entry] of seen) if (entry.updatedAt < since - OVERLAP_MS) seen.delete(id);
      failing = false;
    } catch (error) {
      if (!failing) opts.log?.('warn', `[live] lecture des incidents impossible : ${error instanceof Error ? error.message : String(error)}`);
      failing = true;
    } finally {
      running = false;
    }
  }

  return {
    poll,
    /** Resolves after the first read (the watermark is primed). */
    start() {
      if (timer) return Promise.resolve();
      timer = setInterval(() => void poll(), opts.intervalMs ?? INCIDENT_POLL_MS);
      timer.unref();
      return poll();
    },
    stop() {
      if (timer) clearInterval(timer);
      timer = null;
    },
  };
}
