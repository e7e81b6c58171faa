import type { PlannedReport } from '@/lib/ingest/plan-batch';
import type { LiveEvent } from './types';

/**
 * Live events for stored reports: only counted ones (what the map counts), at the minute they are
 * counted in (observed time for reports sent late from an outbox). No fingerprint, no comment.
 */
export function reportEvents(stored: readonly PlannedReport[]): LiveEvent[] {
  return stored
    .filter((r) => r.counted)
    .map((r) => ({
      kind: 'report',
      at: (r.observedAt ?? r.receivedAt).toISOString(),
      platformId: r.platform,
      academyId: r.academy,
      category: r.category,
      reporter: r.distinctReporter,
    }));
}
