import { upperTail } from './nb-test';
import {
  BASELINE_EXCLUDE_DISPERSION,
  BASELINE_EXCLUDE_P,
  BASELINE_ROBUST_ITERATIONS,
  BASELINE_TRIM_FRACTION,
  MIN_RATE_PER_MINUTE,
} from './thresholds';

/** Per-cell totals kept after removing anomalous slot-days, and which buckets were kept. */
export type CellTotals = {
  counts: Float64Array;
  minutes: Float64Array;
  /** 1 for buckets of kept slot-days, 0 for slot-days treated as past outages. */
  keptBuckets: Uint8Array;
};

type Runs = { cell: number[]; count: number[]; minutes: number[]; first: number[] };

// A run is one slot of one day: consecutive buckets sharing a cell.
function buildRuns(cells: Uint16Array, counts: ArrayLike<number>, bucketMinutes: number): Runs {
  const runs: Runs = { cell: [], count: [], minutes: [], first: [] };
  for (let i = 0; i < cells.length; i++) {
    const cell = cells[i] ?? 0;
    const last = runs.cell.length - 1;
    if (last < 0 || runs.cell[last] !== cell) {
      runs.cell.push(cell);
      runs.count.push(0);
      runs.minutes.push(0);
      runs.first.push(i);
    }
    const j = runs.cell.length - 1;
    runs.count[j] = (runs.count[j] ?? 0) + (counts[i] ?? 0);
    runs.minutes[j] = (runs.minutes[j] ?? 0) + bucketMinutes;
  }
  return runs;
}

function trimmedRate(runs: Runs, members: number[]): number {
  const byRate = [...members].sort(
    (a, b) =>
      (runs.count[a] ?? 0) / (runs.minutes[a] ?? 1) - (runs.count[b] ?? 0) / (runs.minutes[b] ?? 1),
  );
  const keep =
    members.length >= 5
      ? byRate.length - Math.ceil(byRate.length * BASELINE_TRIM_FRACTION)
      : byRate.length;
  let count = 0;
  let minutes = 0;
  for (const j of byRate.slice(0, keep)) {
    count += runs.count[j] ?? 0;
    minutes += runs.minutes[j] ?? 0;
  }
  return minutes > 0 ? count / minutes : 0;
}

function isOutlier(count: number, minutes: number, rate: number): boolean {
  const mean = Math.max(rate, MIN_RATE_PER_MINUTE) * minutes;
  if (count <= mean) return false;
  return upperTail(count, { mean, dispersion: BASELINE_EXCLUDE_DISPERSION }) < BASELINE_EXCLUDE_P;
}

function keepRuns(runs: Runs, members: number[]): Set<number> {
  let rate = trimmedRate(runs, members);
  let kept = new Set(members);
  for (let iteration = 0; iteration < BASELINE_ROBUST_ITERATIONS; iteration++) {
    kept = new Set(
      members.filter((j) => !isOutlier(runs.count[j] ?? 0, runs.minutes[j] ?? 0, rate)),
    );
    let count = 0;
    let minutes = 0;
    for (const j of kept) {
      count += runs.count[j] ?? 0;
      minutes += runs.minutes[j] ?? 0;
    }
    rate = minutes > 0 ? count / minutes : 0;
  }
  return kept;
}

/**
 * Robust per-cell totals: a trimmed mean, then slot-days too unlikely under the current estimate
 * (past outages) are dropped and the estimate recomputed, a few times.
 */
export function robustCellTotals({
  cells,
  counts,
  cellCount,
  bucketMinutes,
}: {
  cells: Uint16Array;
  counts: ArrayLike<number>;
  cellCount: number;
  bucketMinutes: number;
}): CellTotals {
  const runs = buildRuns(cells, counts, bucketMinutes);
  const membersByCell: number[][] = Array.from({ length: cellCount }, () => []);
  runs.cell.forEach((cell, j) => membersByCell[cell]?.push(j));
  const totals: CellTotals = {
    counts: new Float64Array(cellCount),
    minutes: new Float64Array(cellCount),
    keptBuckets: new Uint8Array(cells.length),
  };
  membersByCell.forEach((members, cell) => {
    if (members.length === 0) return;
    for (const j of keepRuns(runs, members)) {
      totals.counts[cell] = (totals.counts[cell] ?? 0) + (runs.count[j] ?? 0);
      totals.minutes[cell] = (totals.minutes[cell] ?? 0) + (runs.minutes[j] ?? 0);
      const first = runs.first[j] ?? 0;
      const end = runs.first[j + 1] ?? cells.length;
      totals.keptBuckets.fill(1, first, end);
    }
  });
  return totals;
}
