import 'server-only';
import { readAreaState } from '@/lib/db/aggregates';
import { getDb } from '@/lib/db/client';
import { countCategories, listApprovedComments, listIncidents, readNames, readPlatform } from '@/lib/db/dashboard';
import { readBucketedReporters, readPlatformBaselines } from '@/lib/db/series';
import { statusFromIncidents } from '@/lib/domain/status';
import { academyComponent, assembleSeries, fineLayout, platformComponents, totalExpected } from '@/lib/series/assemble';
import type { SeriesWindow } from '@/lib/series/window';
import { isActiveIncident, rankAreas } from './area-rows';
import { categoryBreakdown } from './breakdown';
import { mergeIncidentLists } from './incident-lists';
import type { PlatformPageData } from './page-data';
import { statusHistory } from './status-history';

const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;
const RECENT_DAYS = 30;

/** Everything the platform page shows for a window; null when the platform does not exist. */
export async function loadPlatformPage(input: { platformId: string; window: SeriesWindow; now: number }): Promise<PlatformPageData | null> {
  const db = getDb();
  const { platformId, window, now } = input;
  const platform = await readPlatform(db, platformId);
  if (!platform) return null;
  const from = new Date(window.from);
  const to = new Date(window.to);
  const [rows, stored, inWindow, recent, areas, categories, comments, names] = await Promise.all([
    readBucketedReporters(db, { from, to, bucketMinutes: window.bucketMinutes, platformId }),
    readPlatformBaselines(db, platformId),
    listIncidents(db, { platformId, since: from, until: to, limit: 100 }),
    listIncidents(db, { platformId, since: new Date(now - RECENT_DAYS * DAY_MS), limit: 20 }),
    readAreaState(db, { at: to, windowMinutes: Math.round((window.to - window.from) / MINUTE_MS), platformId }),
    countCategories(db, { platformId, from, to }),
    listApprovedComments(db, { platformId, before: to, limit: 10 }),
    readNames(db),
  ]);
  const layout = fineLayout(window);
  const baselines = stored ? platformComponents({ baselines: stored.baselines, learnedAt: stored.learnedAt.getTime() }, layout) : null;
  const expected = stored
    ? new Map(Object.entries(stored.baselines.academies).map(([id, model]) => [id, totalExpected(academyComponent(model, layout))]))
    : null;
  const active = inWindow.filter(isActiveIncident);
  const incidents = mergeIncidentLists(inWindow, recent);
  return {
    platform,
    status: statusFromIncidents(incidents.filter((i) => i.state === 'open')),
    window,
    series: assembleSeries({ platformId, academyId: null, window, rows, baselines }),
    history: statusHistory(active, window, now),
    incidents,
    academies: rankAreas({
      reporters: new Map(areas.map((a) => [a.academyId, a.reporters])),
      expected,
      incidents: active.map((i) => ({ ids: i.academies, level: i.level, open: i.state === 'open' })),
    }),
    breakdown: categoryBreakdown(categories),
    comments,
    names,
  };
}
