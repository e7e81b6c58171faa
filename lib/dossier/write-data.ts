import path from 'node:path';
import { canonicalJson, toJsonValue } from '@/lib/domain/canonical-json';
import {
  listDossierReportPage, listMinuteCounts, listModerationEntries,
  type DossierIncidentRow, type DossierReportRow, type DossierScope, type LedgerRef, type MinuteCountKey,
} from '@/lib/db/dossier';
import type { DbLike } from '@/lib/db/audit';
import type { ReportEntryFields } from '@/lib/evidence/entries';
import { csvLine } from './csv';
import { cellKey, lineHashesFileName } from './files';
import type { LedgerDays } from './ledger-days';
import { REPORT_COLUMNS, reportCells, type DossierReport } from './report-columns';
import { SpoolFile, type SpooledFile } from './spool';
import { addToSummary, createReportSummary, type ReportSummary } from './summary';

const REPORT_PAGE = 20_000;
const COUNT_PAGE = 50_000;

export type DataInput = { db: DbLike; scope: DossierScope; dir: string; hiddenCells: ReadonlySet<string> };

function spoolPath(dir: string, name: string): string {
  return path.join(dir, name.replace(/\//g, '_'));
}

/** A CSV file and its per-line control hashes (controle/<name>.lignes). */
async function openCsv(dir: string, name: string, header: readonly string[]) {
  const hashes = await SpoolFile.create({ name: lineHashesFileName(name), path: spoolPath(dir, lineHashesFileName(name)) });
  const csv = await SpoolFile.create({ name, path: spoolPath(dir, name), lineHashes: hashes });
  await csv.line(csvLine(header));
  return { csv, close: async () => [await csv.close(), await hashes.close()] };
}

function toDossierReport(row: DossierReportRow, entry: LedgerRef | null, index: number | null): DossierReport {
  const body = entry ? (JSON.parse(entry.body) as ReportEntryFields) : null;
  return {
    id: row.id,
    at: body?.at ?? row.createdAt.toISOString(),
    observedAt: body ? body.observedAt : null,
    platform: body?.platform ?? row.platformId,
    academy: body?.academy ?? row.academyId,
    category: body?.category ?? '',
    role: body ? body.role : null,
    counted: body?.counted ?? false,
    flag: body ? body.flag : null,
    ledgerDay: entry && index !== null ? entry.day : null,
    ledgerIndex: index,
    moderation: row.moderationState,
    hiddenReason: row.moderationState === 'hidden' ? row.flagReason : null,
    comment: row.comment,
  };
}

/**
 * reports.csv and reports.json, page by page from the database: each report's fields come from its ledger
 * entry, with its index in its day's registre; only the PDF's summary stays in memory.
 */
export async function writeReportFiles(input: DataInput & {
  ledger: LedgerDays;
  moved: ReadonlyMap<string, LedgerRef>;
  onRead: (read: number) => void;
}): Promise<{ files: SpooledFile[]; summary: ReportSummary; suppressed: number }> {
  const { csv, close } = await openCsv(input.dir, 'reports.csv', REPORT_COLUMNS);
  const json = await SpoolFile.create({ name: 'reports.json', path: spoolPath(input.dir, 'reports.json') });
  await json.write('[');
  const summary = createReportSummary();
  let suppressed = 0;
  let read = 0;
  for (let after: { at: Date; id: string } | null = null; ; ) {
    const page = await listDossierReportPage(input.db, { scope: input.scope, after, limit: REPORT_PAGE });
    const entries = page.map((r) => r.entry ?? input.moved.get(r.id) ?? null);
    const maxSeq = new Map<string, bigint>();
    for (const e of entries) if (e && e.seq > (maxSeq.get(e.day) ?? -1n)) maxSeq.set(e.day, e.seq);
    for (const [day, seq] of [...maxSeq].sort(([a], [b]) => a.localeCompare(b))) await input.ledger.cover(day, seq);
    for (const [i, row] of page.entries()) {
      const entry = entries[i] ?? null;
      const report = toDossierReport(row, entry, entry ? input.ledger.indexOf(entry.day, entry.seq) : null);
      if (input.hiddenCells.has(cellKey(report.platform, report.academy, Date.parse(report.at)))) {
        suppressed += 1;
        continue;
      }
      await csv.line(csvLine(reportCells(report)));
      await json.write(`${summary.reports === 0 ? '' : ','}${canonicalJson(toJsonValue(report))}`);
      addToSummary(summary, report);
    }
    read += page.length;
    input.onRead(read);
    const last = page.at(-1);
    if (page.length < REPORT_PAGE || !last) break;
    after = { at: last.createdAt, id: last.id };
  }
  await json.write(']\n');
  return { files: [...(await close()), await json.close()], summary, suppressed };
}

/** comptes-par-minute.csv and .json, page by page, without the suppressed cells. */
export async function writeCountFiles(input: DataInput): Promise<SpooledFile[]> {
  const { csv, close } = await openCsv(input.dir, 'comptes-par-minute.csv', ['platform', 'academy', 'minute', 'reports', 'reporters']);
  const json = await SpoolFile.create({ name: 'comptes-par-minute.json', path: spoolPath(input.dir, 'comptes-par-minute.json') });
  await json.write('[');
  let written = 0;
  for (let after: MinuteCountKey | null = null; ; ) {
    const page = await listMinuteCounts(input.db, { scope: input.scope, after, limit: COUNT_PAGE });
    for (const c of page) {
      if (input.hiddenCells.has(cellKey(c.platformId, c.academyId, c.bucketStart.getTime()))) continue;
      const minute = c.bucketStart.toISOString();
      await csv.line(csvLine([c.platformId, c.academyId, minute, c.reports, c.reporters]));
      await json.write(`${written++ === 0 ? '' : ','}${canonicalJson({ academy: c.academyId, minute, platform: c.platformId, reporters: c.reporters, reports: c.reports })}`);
    }
    const last = page.at(-1);
    if (page.length < COUNT_PAGE || !last) break;
    after = { bucketStart: last.bucketStart, platformId: last.platformId, academyId: last.academyId };
  }
  await json.write(']\n');
  return [...(await close()), await json.close()];
}

/** moderation.csv (the kept reports' moderation entries) and incidents.json. */
export async function writeModerationAndIncidents(input: DataInput & { incidents: DossierIncidentRow[] }): Promise<SpooledFile[]> {
  const { csv, close } = await openCsv(input.dir, 'moderation.csv', ['report_id', 'ledger_day', 'ledger_seq', 'entry']);
  for (const m of await listModerationEntries(input.db, input.scope)) {
    if (input.hiddenCells.has(cellKey(m.report.platformId, m.report.academyId, m.report.createdAt.getTime()))) continue;
    await csv.line(csvLine([m.reportId, m.day, String(m.seq), m.body]));
  }
  const incidents = await SpoolFile.create({ name: 'incidents.json', path: spoolPath(input.dir, 'incidents.json') });
  await incidents.write(`${canonicalJson(toJsonValue(input.incidents))}\n`);
  return [...(await close()), await incidents.close()];
}
