import 'server-only';
import { getDb } from '@/lib/db/client';
import { countCategories, listApprovedComments, listIncidents, listServingPlatforms, readAcademy, readNames } from '@/lib/db/dashboard';
import { readAcademyBaselines, readBucketedReporters } from '@/lib/db/series';
import { academyComponent, assembleSeries, fineLayout, totalExpected } from '@/lib/series/assemble';
import type { SeriesWindow } from '@/lib/series/window';
import { isActiveIncident, rankAreas } from './area-rows';
import { categoryBreakdown } from './breakdown';
import { mergeIncidentLists } from './incident-lists';
import type { AcademyPageData } from './page-data';

const DAY_MS = 86_400_000;
const RECENT_DAYS = 30;

/** Everything the académie page shows for a window, all platforms together; null when unknown. */
export async function loadAcademyPage(input: { academyId: string; window: SeriesWindow; now: number }): Promise<AcademyPageData | null> {
  const db = getDb();
  const { academyId, window, now } = input;
  const academy = await readAcademy(db, academyId);
  if (!academy) return null;
  const from = new Date(window.from);
  const to = new Date(window.to);
  const [rows, stored, serving, inWindow, recent, categories, comments, names] = await Promise.all([
    readBucketedReporters(db, { from, to, bucketMinutes: window.bucketMinutes, academyId }),
    readAcademyBaselines(db, { academyId }),
    listServingPlatforms(db, academyId),
    listIncidents(db, { academyId, since: from, until: to, limit: 100 }),
    listIncidents(db, { academyId, since: new Date(now - RECENT_DAYS * DAY_MS), limit: 20 }),
    countCategories(db, { academyId, from, to }),
    listApprovedComments(db, { academyId, before: to, limit: 10 }),
    readNames(db),
  ]);
  const layout = fineLayout(window);
  const components = stored.map((s) => ({ platformId: s.platformId, learnedAt: s.learnedAt.getTime(), component: academyComponent(s.model, layout), fallback: s.model.isFallback }));
  const baselines = components.length
    ? { components: components.map((c) => c.component), learnedAt: components.map((c) => c.learnedAt), fallback: components.some((c) => c.fallback) }
    : null;
  const reporters = new Map<string, number>();
  for (const row of rows) reporters.set(row.platformId, (reporters.get(row.platformId) ?? 0) + row.reporters);
  const active = inWindow.filter(isActiveIncident);
  return {
    academy,
    window,
    series: assembleSeries({ platformId: null, academyId, window, rows, baselines }),
    platforms: rankAreas({
      reporters,
      expected: new Map(components.map((c) => [c.platformId, totalExpected(c.component)])),
      incidents: active.map((i) => ({ ids: [i.platformId], level: i.level, open: i.state === 'open' })),
    }),
    serving,
    incidents: mergeIncidentLists(inWindow, recent),
    breakdown: categoryBreakdown(categories),
    comments,
    names,
  };
}
