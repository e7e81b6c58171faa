import 'server-only';
import { getDb } from '@/lib/db/client';
import { readIncident } from '@/lib/db/dashboard';
import { readBucketedReporters } from '@/lib/db/series';
import { shapeObserved } from '@/lib/series/observed';
import { alignWindow, type SeriesWindow } from '@/lib/series/window';
import { isIncidentId } from './load-incident-page';
import type { IncidentListItem } from '@/lib/domain/dashboard';

const HOUR_MS = 3_600_000;
/** Bars drawn on a sharing image. */
const OG_BARS = 48;

/** Reporters per minute in OG_BARS equal buckets over a window (sharing images' small chart). */
export async function loadBars(input: { platformId?: string; academyId?: string; window: SeriesWindow }): Promise<number[]> {
  const { from, to } = input.window;
  const bucketMinutes = Math.max(1, Math.ceil((to - from) / 60_000 / OG_BARS));
  const rows = await readBucketedReporters(getDb(), {
    from: new Date(from),
    to: new Date(to),
    bucketMinutes,
    platformId: input.platformId ?? null,
    academyId: input.academyId ?? null,
  });
  const length = Math.ceil((to - from) / (bucketMinutes * 60_000));
  return shapeObserved({ rows, length, bucketMinutes }).observed;
}

/** The last 24 hours up to now. */
export function lastDay(now: number): SeriesWindow {
  return alignWindow(now - 24 * HOUR_MS, now);
}

/** An incident's list fields (no events), for its sharing image; null for an unknown or malformed id. */
export async function loadIncidentCard(id: string): Promise<IncidentListItem | null> {
  if (!isIncidentId(id)) return null;
  const incident = await readIncident(getDb(), id.toLowerCase());
  return incident;
}
