import type { PrismaClient } from '@/lib/db/types';
import { insertReportBatch } from '@/lib/db/reports';
import type { SimReport } from '../types';
import { createRowPlanner } from './to-rows';

const CHUNK = 2000;

/** Streams simulated reports into the database through the same insert as live ingest. */
export async function writeSimulatedReports(
  db: PrismaClient,
  reports: Iterable<SimReport>,
  opts: { seed: number; onProgress?: (written: number) => void },
): Promise<{ written: number; counted: number }> {
  const plan = createRowPlanner(opts.seed);
  let chunk: SimReport[] = [];
  let written = 0;
  let counted = 0;
  const flush = async () => {
    const rows = plan(chunk);
    chunk = [];
    const stored = await insertReportBatch(db, rows);
    written += stored.length;
    counted += stored.filter((r) => r.counted).length;
    opts.onProgress?.(written);
  };
  for (const report of reports) {
    chunk.push(report);
    if (chunk.length >= CHUNK) await flush();
  }
  if (chunk.length > 0) await flush();
  return { written, counted };
}
