import 'server-only';
import { createHash } from 'node:crypto';
import { getDb } from '@/lib/db/client';
import { readPlatformBaselines } from '@/lib/db/series';
import { listIncidentsOverlapping, readMapCatalog, readSparklineBuckets, readWindowCounts, type MapCatalog } from '@/lib/db/map-state';
import type { ProblemCategory } from '@/lib/domain/types';
import type { PrismaClient } from '@/lib/db/types';
import { AppError } from '@/lib/http/errors';
import { buildMapState } from './build-map-state';
import type { CachePolicy } from './cache';
import { expectedOverWindow } from './expected';
import { CACHE_POLICIES, inputsKey, stateKind, type StateKind } from './policy';
import { mapQueryIssue, type MapStateQuery } from './query';
import { getMapStateRuntime, type MapInputs, type MapStateRuntime, type RenderedState } from './runtime';
import type { MapState } from './types';
import { floorMinute, SPARKLINE_BUCKET_MINUTES, SPARKLINE_BUCKETS, sparklineFrom, WINDOW_MINUTES, windowFrom } from './window';

/** Baselines are relearned daily by the detector; the catalogue changes when an admin edits it. */
const BASELINE_POLICY = { ttlMs: 10 * 60_000, staleMs: 60 * 60_000 };
const CATALOG_POLICY = { ttlMs: 60_000, staleMs: 10 * 60_000 };
/** Closed sparkline buckets of the live map change only through backdated reports and moderation (invalidate()). */
const CLOSED_BUCKETS_POLICY = { ttlMs: 60_000, staleMs: 60_000 };

async function expectations(db: PrismaClient, runtime: MapStateRuntime, platforms: MapCatalog['platforms'], at: Date) {
  const minute = new Date(floorMinute(at.getTime()));
  const entries = await Promise.all(
    platforms.map(async (p) => {
      const expected = await runtime.expected.get(`${p.id}|${minute.getTime()}`, BASELINE_POLICY, async () => {
        const baselines = await runtime.baselines.get(p.id, BASELINE_POLICY, async () => (await readPlatformBaselines(db, p.id))?.baselines ?? null);
        return expectedOverWindow({ baselines, academies: p.academies, at: minute, windowMinutes: WINDOW_MINUTES });
      });
      return [p.id, expected] as const;
    }),
  );
  return new Map(entries);
}

/** The 35 closed buckets come from a cache refreshed once a minute; only the last one is read every time. */
async function sparklineBuckets(db: PrismaClient, runtime: MapStateRuntime, input: { at: Date; category: ProblemCategory | null; policy: CachePolicy }) {
  const from = sparklineFrom(input.at);
  const last = new Date(from.getTime() + (SPARKLINE_BUCKETS - 1) * SPARKLINE_BUCKET_MINUTES * 60_000);
  const read = { category: input.category, bucketMinutes: SPARKLINE_BUCKET_MINUTES };
  const [closed, open] = await Promise.all([
    runtime.closedBuckets.get(`${from.toISOString()}|${input.category ?? '*'}`, input.policy, () => readSparklineBuckets(db, { ...read, from, at: last })),
    readSparklineBuckets(db, { ...read, from: last, at: input.at }),
  ]);
  return [...closed, ...open.map((b) => ({ ...b, i: b.i + SPARKLINE_BUCKETS - 1 }))];
}

async function loadInputs(db: PrismaClient, runtime: MapStateRuntime, query: Pick<MapStateQuery, 'at' | 'category'>): Promise<MapInputs> {
  const seq = runtime.seq();
  const at = query.at === null ? new Date() : new Date(floorMinute(query.at.getTime()));
  const policy = query.at === null ? CLOSED_BUCKETS_POLICY : CACHE_POLICIES[stateKind(at, new Date())];
  const catalog = await runtime.catalog.get('catalog', CATALOG_POLICY, () => readMapCatalog(db));
  const platforms = catalog.platforms.filter((p) => p.retiredAt === null || p.retiredAt.getTime() > at.getTime());
  const [counts, buckets, incidents, expected] = await Promise.all([
    readWindowCounts(db, { at, from: windowFrom(at), category: query.category }),
    sparklineBuckets(db, runtime, { at, category: query.category, policy }),
    listIncidentsOverlapping(db, at),
    expectations(db, runtime, platforms, at),
  ]);
  const sparklines = new Map<string, number[]>();
  for (const b of buckets) {
    if (b.i < 0 || b.i >= SPARKLINE_BUCKETS) continue;
    let line = sparklines.get(b.platformId);
    if (!line) sparklines.set(b.platformId, (line = new Array<number>(SPARKLINE_BUCKETS).fill(0)));
    line[b.i] = (line[b.i] ?? 0) + b.reporters;
  }
  return {
    at,
    live: query.at === null,
    windowMinutes: WINDOW_MINUTES,
    academyIds: catalog.academyIds,
    platforms,
    counts,
    expected,
    incidents,
    sparklines,
    category: query.category,
    seq,
    knownPlatforms: new Set(catalog.platforms.map((p) => p.id)),
  };
}

function render(state: MapState): RenderedState {
  const body = JSON.stringify(state);
  // Weak ETag over the content without a live `at` (the first key), so an unchanged live map answers 304.
  const hashed = state.live ? body.replace(`"at":"${state.at}"`, '') : body;
  return { state, body, etag: `W/"${createHash('sha1').update(hashed).digest('base64url')}"` };
}

/** The state for a parsed query, rendered once per (instant, category, platform) and cached. */
export async function getRenderedMapState(query: MapStateQuery, now = new Date()): Promise<{ rendered: RenderedState; kind: StateKind }> {
  const at = query.at !== null && query.at.getTime() > now.getTime() ? null : query.at;
  const kind = stateKind(at, now);
  const runtime = getMapStateRuntime();
  const inputs = await runtime.inputs.get(inputsKey({ at, category: query.category }), CACHE_POLICIES[kind], () =>
    loadInputs(getDb(), runtime, { at, category: query.category }),
  );
  if (query.platformId !== null && !inputs.knownPlatforms.has(query.platformId)) {
    throw new AppError('invalid_input', 'Paramètres de la carte invalides.', { issues: [mapQueryIssue('plateforme', 'platform_unknown')] });
  }
  let byPlatform = runtime.rendered.get(inputs);
  if (!byPlatform) runtime.rendered.set(inputs, (byPlatform = new Map()));
  let rendered = byPlatform.get(query.platformId ?? '*');
  if (!rendered) {
    rendered = render(buildMapState({ ...inputs, platformId: query.platformId }));
    byPlatform.set(query.platformId ?? '*', rendered);
  }
  return { rendered, kind };
}

/**
 * The map at `at` (absent or null = live), for one platform or all, one problem category or all:
 * what GET /api/etat answers, for server components' first render. The object is shared between
 * callers (cached): treat it as read-only. Throws AppError('invalid_input') for an unknown platform.
 */
export async function getMapState(opts: { at?: Date | null; platformId?: string | null; category?: ProblemCategory | null } = {}): Promise<MapState> {
  const { rendered } = await getRenderedMapState({ at: opts.at ?? null, platformId: opts.platformId ?? null, category: opts.category ?? null });
  return rendered.state;
}
