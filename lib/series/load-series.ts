import 'server-only';
import { getDb } from '@/lib/db/client';
import { readAcademyBaselines, readBucketedReporters, readPlatformBaselines } from '@/lib/db/series';
import { academyComponents, assembleSeries, fineLayout, platformComponents, type BaselineComponents } from './assemble';
import type { SeriesPayload } from './types';
import type { SeriesWindow } from './window';

export type SeriesQuery = { platformId: string | null; academyId: string | null; window: SeriesWindow };

async function loadBaselineComponents(query: SeriesQuery): Promise<BaselineComponents | null> {
  const layout = fineLayout(query.window);
  if (query.platformId && !query.academyId) {
    const stored = await readPlatformBaselines(getDb(), query.platformId);
    return stored ? platformComponents({ baselines: stored.baselines, learnedAt: stored.learnedAt.getTime() }, layout) : null;
  }
  if (!query.academyId) return null;
  const stored = await readAcademyBaselines(getDb(), {
    academyId: query.academyId,
    platformIds: query.platformId ? [query.platformId] : undefined,
  });
  return academyComponents(stored.map((s) => ({ model: s.model, learnedAt: s.learnedAt.getTime() })), layout);
}

/** Observed distinct reporters per minute over a window, against the stored baselines' usual range. */
export async function loadSeries(query: SeriesQuery): Promise<SeriesPayload> {
  const { from, to, bucketMinutes } = query.window;
  const rows = await readBucketedReporters(getDb(), {
    from: new Date(from),
    to: new Date(to),
    bucketMinutes,
    platformId: query.platformId,
    academyId: query.academyId,
  });
  const baselines = await loadBaselineComponents(query);
  return assembleSeries({ ...query, rows, baselines });
}
