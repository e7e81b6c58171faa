import { expectedOnGrid, type BaselineModel } from '@/lib/detect/baseline';
import { buildCalendarGrid } from '@/lib/detect/calendar-grid';
import { createGridProvider, expectedTotalOnLayout, type PlatformBaselines } from '@/lib/detect/platform-baseline';
import { buildBand, subMinutesFor, type BandComponent } from './band';
import { findPeak, shapeObserved, type BucketRow } from './observed';
import type { SeriesPayload } from './types';
import type { SeriesWindow } from './window';

const MINUTE_MS = 60_000;

/** Regular layout of a window at the fine resolution its baselines are sampled on. */
export type Layout = { t0: number; bucketMs: number; length: number };

/** Baseline components of a series plus where they came from. */
export type BaselineComponents = { components: BandComponent[]; learnedAt: number[]; fallback: boolean };

export function bucketCount(window: SeriesWindow): number {
  return Math.round((window.to - window.from) / (window.bucketMinutes * MINUTE_MS));
}

export function fineLayout(window: SeriesWindow): Layout {
  const subMinutes = subMinutesFor(window.bucketMinutes);
  return { t0: window.from, bucketMs: subMinutes * MINUTE_MS, length: bucketCount(window) * (window.bucketMinutes / subMinutes) };
}

/** One académie's expected reporters on a layout (its own calendar and time zone). */
export function academyComponent(model: BaselineModel, layout: Layout): BandComponent {
  const grid = buildCalendarGrid({ academyId: model.academyId, ...layout, slotMinutes: model.slotMinutes });
  const { means, uncertainty } = expectedOnGrid(model, grid);
  return { means, uncertainty, dispersion: model.dispersion };
}

/** A platform's national total (sum of its académies, with the total's own dispersion). */
export function platformComponents(stored: { baselines: PlatformBaselines; learnedAt: number }, layout: Layout): BaselineComponents {
  const total = expectedTotalOnLayout(stored.baselines, layout, createGridProvider());
  return {
    components: [{ ...total, dispersion: stored.baselines.totalDispersion }],
    learnedAt: [stored.learnedAt],
    fallback: stored.baselines.shape.isFallback,
  };
}

/** Independent per-platform models of one académie (their variances add up). */
export function academyComponents(stored: ReadonlyArray<{ model: BaselineModel; learnedAt: number }>, layout: Layout): BaselineComponents {
  return {
    components: stored.map((s) => academyComponent(s.model, layout)),
    learnedAt: stored.map((s) => s.learnedAt),
    fallback: stored.some((s) => s.model.isFallback),
  };
}

/** Expected distinct reporters of a component over its whole layout. */
export function totalExpected(component: BandComponent): number {
  let sum = 0;
  for (let i = 0; i < component.means.length; i++) sum += component.means[i] ?? 0;
  return sum;
}

/** The chart payload from bucketed counters and (optional) baseline components. */
export function assembleSeries(input: {
  platformId: string | null;
  academyId: string | null;
  window: SeriesWindow;
  rows: readonly BucketRow[];
  baselines: BaselineComponents | null;
}): SeriesPayload {
  const { window, baselines } = input;
  const { from, to, bucketMinutes } = window;
  const length = bucketCount(window);
  const t = Array.from({ length }, (_, i) => from + i * bucketMinutes * MINUTE_MS);
  const { observed, lines, reporters } = shapeObserved({ rows: input.rows, length, bucketMinutes });
  const band =
    baselines && baselines.components.length > 0
      ? {
          ...buildBand({ components: baselines.components, length, subMinutes: subMinutesFor(bucketMinutes), bucketMinutes }),
          learnedAt: new Date(Math.min(...baselines.learnedAt)).toISOString(),
          fallback: baselines.fallback,
        }
      : null;
  return {
    platformId: input.platformId,
    academyId: input.academyId,
    from: new Date(from).toISOString(),
    to: new Date(to).toISOString(),
    bucketMinutes,
    t,
    observed,
    lines,
    band,
    totals: {
      reporters,
      expected: band ? band.expected.reduce((sum, v) => sum + v * bucketMinutes, 0) : null,
      peak: findPeak(t, observed),
    },
  };
}
