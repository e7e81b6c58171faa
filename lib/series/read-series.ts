import { readAcademyBaselines, readBucketedReporters, readPlatformBaselines } from '@/lib/db/series';
import type { PrismaClient } from '@/lib/db/types';
import { academyComponents, assembleSeries, fineLayout, platformComponents, type BaselineComponents } from './assemble';
import type { SeriesPayload } from './types';
import type { SeriesWindow } from './window';

export type SeriesQuery = { platformId: string | null; academyId: string | null; window: SeriesWindow };

async function readBaselineComponents(db: PrismaClient, query: SeriesQuery): Promise<BaselineComponents | null> {
  const layout = fineLayout(query.window);
  if (query.platformId && !query.academyId) {
    const stored = await readPlatformBaselines(db, query.platformId);
    return stored ? platformComponents({ baselines: stored.baselines, learnedAt: stored.learnedAt.getTime() }, layout) : null;
  }
  if (!query.academyId) return null;
  const stored = await readAcademyBaselines(db, {
    academyId: query.academyId,
    platformIds: query.platformId ? [query.platformId] : undefined,
  });
  return academyComponents(stored.map((s) => ({ model: s.model, learnedAt: s.learnedAt.getTime() })), layout);
}

/** Observed distinct reporters per minute over a window, against the stored baselines' usual range. */
export async function readSeries(db: PrismaClient, query: SeriesQuery): Promise<SeriesPayload> {
  const { from, to, bucketMinutes } = query.window;
  const rows = await readBucketedReporters(db, {
    from: new Date(from),
    to: new Date(to),
    bucketMinutes,
    platformId: query.platformId,
    academyId: query.academyId,
  });
  const baselines = await readBaselineComponents(db, query);
  return assembleSeries({ ...query, rows, baselines });
}
