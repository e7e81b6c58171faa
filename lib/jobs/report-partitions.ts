import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, open, rename, stat } from 'node:fs/promises';
import path from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import {
  createReportPartition,
  dropArchivedReportPartition,
  listDefaultPartitionMonths,
  listReportPartitionMonths,
  readReportPartitionPage,
  reportPartitionState,
  REPORT_ARCHIVE_COLUMNS,
  type ReportArchiveRecord,
} from '@/lib/db/report-partitions';
import type { PrismaClient } from '@/lib/db/types';
import { planPartitions, partitionName, type Month } from '@/lib/domain/report-partitions';
import { csvField } from '@/lib/export/csv';
import type { TickJob } from './ticks';

/** Months after the current one whose partition exists ahead of time. */
export const PARTITION_AHEAD_MONTHS = 2;
const PAGE = 5_000;

export type ReportPartitionsOptions = {
  /** Months kept besides the current one (REPORT_RETENTION_MONTHS); null: never archive. */
  retentionMonths: number | null;
  /** Folder of the archive files (REPORT_ARCHIVE_DIR, default DATA_DIR/archives). */
  archiveDir: string;
  aheadMonths?: number;
};

export type PartitionRun = { created: Month[]; archived: ReportArchiveRecord[]; skipped: Month[] };

/**
 * Partition upkeep of `report` (one instance per tick): creates the next months' partitions (and one for any
 * month whose rows fell into the default partition), then archives each month older than the retention:
 * written as gzip CSV, its SHA-256 recorded in report_archive and the audit journal, then dropped. Aggregates,
 * incidents, ledger entries and the journal stay.
 */
export async function maintainReportPartitions(db: PrismaClient, options: ReportPartitionsOptions, now: Date): Promise<PartitionRun> {
  const plan = planPartitions({
    now,
    existing: await listReportPartitionMonths(db),
    inDefault: await listDefaultPartitionMonths(db),
    aheadMonths: options.aheadMonths ?? PARTITION_AHEAD_MONTHS,
    retentionMonths: options.retentionMonths,
  });
  for (const month of plan.create) await createReportPartition(db, month);
  const archived: ReportArchiveRecord[] = [];
  const skipped: Month[] = [];
  for (const month of plan.archive) {
    const record = await archiveReportMonth(db, month, options.archiveDir, now);
    if (record) archived.push(record);
    else skipped.push(month);
  }
  return { created: plan.create, archived, skipped };
}

/**
 * Writes one month to `<dir>/report_YYYY_MM.csv.gz` (header, then rows in (created_at, id) order; NULL is an empty
 * field, an empty string is ""), made durable before the partition is dropped. Returns null, keeping the
 * partition, when a row changed while the file was written (the next tick tries again).
 */
export async function archiveReportMonth(db: PrismaClient, month: Month, dir: string, now: Date): Promise<ReportArchiveRecord | null> {
  await mkdir(dir, { recursive: true });
  const before = await reportPartitionState(db, month);
  const file = path.join(dir, `${partitionName(month)}.csv.gz`);
  const partial = `${file}.partial`;
  const hash = createHash('sha256');
  let rows = 0;
  async function* lines() {
    yield archiveCsvLine([...REPORT_ARCHIVE_COLUMNS]);
    let after: { createdAt: string; id: string } | null = null;
    for (;;) {
      const page = await readReportPartitionPage(db, month, after, PAGE);
      if (page.length === 0) return;
      for (const row of page) yield archiveCsvLine(REPORT_ARCHIVE_COLUMNS.map((c) => row[c]));
      rows += page.length;
      const last = page[page.length - 1]!;
      after = { createdAt: last.created_at!, id: last.id! };
    }
  }
  const digest = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      hash.update(chunk);
      done(null, chunk);
    },
  });
  await pipeline(Readable.from(lines()), createGzip(), digest, createWriteStream(partial));
  const handle = await open(partial, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
  await rename(partial, file);
  const record: ReportArchiveRecord = { month, file: path.resolve(file), rows, bytes: (await stat(file)).size, sha256: hash.digest('hex') };
  if (rows !== before.rows) return null;
  const dropped = await dropArchivedReportPartition(
    db,
    record,
    before,
    { actor: { userId: null, label: 'archivage' }, action: 'report_partition.archived' },
    now,
  );
  return dropped ? record : null;
}

/** One archive line: RFC 4180 with "," and CRLF; null → empty field, empty string → "". */
export function archiveCsvLine(values: ReadonlyArray<string | null>): string {
  return `${values.map((v) => (v === '' ? '""' : csvField(v))).join(',')}\r\n`;
}

/** The worker's job: once an hour (creating ahead is cheap and idempotent; archiving happens once a month). */
export function reportPartitionsJob(db: PrismaClient, options: ReportPartitionsOptions): TickJob {
  return {
    name: 'report-partitions',
    everyMs: 60 * 60_000,
    offsetMs: 5 * 60_000,
    run: (now) => maintainReportPartitions(db, options, now),
  };
}
