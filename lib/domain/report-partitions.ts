/**
 * Monthly partitions of `report` (PARTITION BY RANGE (created_at), UTC months): names, bounds and the plan of
 * the worker's `report-partitions` job (which months to create ahead, which to archive). Pure.
 */

/** A UTC month, "YYYY-MM". */
export type Month = string;

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;
const PARTITION = /^report_(\d{4})_(0[1-9]|1[0-2])$/;

function index(month: Month): number {
  const m = MONTH.exec(month);
  if (!m) throw new Error(`invalid month: ${month}`);
  return Number(m[1]) * 12 + Number(m[2]) - 1;
}

function fromIndex(i: number): Month {
  return `${String(Math.floor(i / 12)).padStart(4, '0')}-${String((i % 12) + 1).padStart(2, '0')}`;
}

/** The UTC month of an instant. */
export function monthOf(at: Date): Month {
  return fromIndex(at.getUTCFullYear() * 12 + at.getUTCMonth());
}

export function addMonths(month: Month, n: number): Month {
  return fromIndex(index(month) + n);
}

/** The partition's bounds: [start, end), UTC midnight of the first day of the month and of the next. */
export function monthRange(month: Month): { start: Date; end: Date } {
  const i = index(month);
  return { start: new Date(Date.UTC(Math.floor(i / 12), i % 12, 1)), end: new Date(Date.UTC(Math.floor((i + 1) / 12), (i + 1) % 12, 1)) };
}

export function partitionName(month: Month): string {
  return `report_${month.replace('-', '_')}`;
}

/** The month of a monthly partition's name, or null for any other table (report_default, report_key…). */
export function partitionMonth(name: string): Month | null {
  const m = PARTITION.exec(name);
  return m ? `${m[1]}-${m[2]}` : null;
}

export type PartitionPlanInput = {
  now: Date;
  /** Months that have a partition. */
  existing: Month[];
  /** Months of the rows sitting in the DEFAULT partition (a month had no partition when they arrived). */
  inDefault: Month[];
  /** How many months after the current one must already have their partition. */
  aheadMonths: number;
  /** Months kept besides the current one; older ones are archived. null: never archive. */
  retentionMonths: number | null;
};

export type PartitionPlan = { create: Month[]; archive: Month[] };

/**
 * Creates the current month and the next `aheadMonths` when missing, and a partition for each month found in
 * the default partition (its rows move there, so they can be archived like the others). Archives every
 * partition older than the current month minus `retentionMonths` (the current month is never archived).
 * Both lists oldest first, without duplicates.
 */
export function planPartitions(input: PartitionPlanInput): PartitionPlan {
  const current = monthOf(input.now);
  const existing = new Set(input.existing);
  const wanted = new Set<Month>(input.inDefault);
  for (let i = 0; i <= input.aheadMonths; i++) wanted.add(addMonths(current, i));
  const create = [...wanted].filter((m) => !existing.has(m)).sort();
  if (input.retentionMonths === null) return { create, archive: [] };
  const oldestKept = index(current) - Math.max(0, input.retentionMonths);
  const archive = [...new Set([...existing, ...create])].filter((m) => index(m) < oldestKept).sort();
  return { create, archive };
}

/** Rows changed since the last ANALYZE below which a young partition's statistics are left as they are. */
export const YOUNG_PARTITION_MIN_CHANGES = 100;
/** From this size on, autovacuum's own threshold (10 % changed) is tighter than doubling: it takes over. */
export const YOUNG_PARTITION_MAX_ROWS = 1_000_000;

export type PartitionActivity = {
  /** Row estimate of the last ANALYZE (pg_class.reltuples), null when the partition was never analysed. */
  analyzedRows: number | null;
  /** Rows inserted, updated or deleted since then (pg_stat_user_tables.n_mod_since_analyze). */
  changedSinceAnalyze: number;
};

/**
 * Whether the current month's partition needs fresh statistics now. Each connection keeps one generic plan of
 * intake's prepared statements, made with the statistics of the moment and kept until the next ANALYZE of the
 * partition. A new partition (a fresh database, the first minutes of a month) has none: the plan made on its
 * first rows scans it whole (or through the wrong index) and keeps doing so while it grows, until autovacuum's
 * next pass, up to a minute later. Analysing each time the partition has doubled since the last statistics keeps
 * every plan made for a size at most twice too small; past YOUNG_PARTITION_MAX_ROWS autovacuum's 10 % is tighter.
 */
export function youngPartitionNeedsAnalyze(activity: PartitionActivity): boolean {
  const { analyzedRows, changedSinceAnalyze } = activity;
  if (changedSinceAnalyze < YOUNG_PARTITION_MIN_CHANGES) return false;
  if (analyzedRows === null) return true;
  return analyzedRows < YOUNG_PARTITION_MAX_ROWS && changedSinceAnalyze >= analyzedRows;
}
