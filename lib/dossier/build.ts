import '@/lib/evidence/native-hash';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { PrismaClient } from '@/lib/db/types';
import { readNames } from '@/lib/db/dashboard';
import { countReportCells, listDossierIncidents, listMovedReportEntries, type DossierIncidentRow, type LedgerRef } from '@/lib/db/dossier';
import { sha256Hex, utf8ToBytes } from '@/lib/evidence/hash';
import { signText, type SigningKey } from '@/lib/evidence/signing-key';
import { readSeries } from '@/lib/series/read-series';
import type { SeriesPayload } from '@/lib/series/types';
import { incidentWindow } from '@/lib/series/window';
import { lineHashesFileName, suppressedCells } from './files';
import { createLedgerDays } from './ledger-days';
import { MANIFEST_NAME, manifestSigningText, serializeManifest, type Manifest } from './manifest';
import { renderDossierPdf } from './pdf';
import { toPdfInput } from './pdf-input';
import { periodBounds } from './period';
import type { DossierRequest } from './schema';
import type { SpooledFile } from './spool';
import { writeCountFiles, writeModerationAndIncidents, writeReportFiles } from './write-data';
import { memorySink, writeZip, type ByteSink, type ZipSource } from './zip-stream';

export type BuiltDossier = { manifest: Manifest; reportCount: number; sizeBytes: number; sha256: string };

const MAX_CHARTS = 20;
// A fixed date in every ZIP entry: the archive's data files do not depend on when it was built.
const ZIP_TIME = new Date('2000-01-01T00:00:00Z');
const CSV_FILES = new Set(['reports.csv', 'comptes-par-minute.csv', 'moderation.csv']);
const ZIP_ORDER = ['reports.csv', 'reports.json', 'comptes-par-minute.csv', 'comptes-par-minute.json', 'incidents.json', 'moderation.csv'];

async function incidentSeries(db: PrismaClient, incidents: DossierIncidentRow[], now: Date) {
  const series = new Map<string, SeriesPayload>();
  for (const i of incidents.slice(0, MAX_CHARTS)) {
    const academyId = i.scope !== 'national' && i.academies.length === 1 ? (i.academies[0] ?? null) : null;
    const window = incidentWindow(i.startedAt.getTime(), i.endedAt?.getTime() ?? null, now.getTime());
    series.set(i.id, await readSeries(db, { platformId: i.platformId, academyId, window }));
  }
  return series;
}

function zipRank(name: string): number {
  const i = ZIP_ORDER.indexOf(name);
  return i >= 0 ? i : name.startsWith('registre/') ? 10 : name.startsWith('controle/') ? 11 : 12;
}

function manifestOf(input: { request: DossierRequest; now: Date; key: SigningKey; files: Array<{ name: string; sha256: string; bytes: number }>; days: ReturnType<ReturnType<typeof createLedgerDays>['list']>; reportCount: number }): Manifest {
  const { request, key } = input;
  const manifest: Manifest = {
    v: 1,
    title: request.title,
    notes: request.notes,
    builtAt: input.now.toISOString(),
    filters: { platforms: request.platforms, academies: request.academies, from: request.from, to: request.to, k: request.k },
    files: [...input.files].sort((a, b) => (a.name < b.name ? -1 : 1)).map((f) => ({
      name: f.name, sha256: f.sha256, bytes: f.bytes, ...(CSV_FILES.has(f.name) ? { lineHashes: lineHashesFileName(f.name) } : {}),
    })),
    ledger: {
      publicKey: key.publicKeyHex,
      keyId: key.keyId,
      days: input.days.map((d) => ({ day: d.day, file: d.file.name, digest: { id: String(d.digest.id), body: d.digest.body, hash: d.digest.hash, signature: d.digest.signature } })),
    },
    reports: { file: 'reports.csv', count: input.reportCount },
  };
  manifest.signature = signText(key, manifestSigningText(manifest));
  return manifest;
}

/**
 * Builds the dossier ZIP into `sink`: data files streamed from the database through scratch files under
 * `workDir` (hashed as they are written), the PDF report, per-line control hashes, registre days and the
 * signed manifest. Memory stays flat in the number of reports.
 */
export async function buildDossier(input: {
  db: PrismaClient;
  key: SigningKey;
  request: DossierRequest;
  sink: ByteSink;
  workDir?: string;
  now?: Date;
  onProgress?: (fraction: number) => void;
}): Promise<BuiltDossier> {
  const now = input.now ?? new Date();
  const { request, db, key } = input;
  const progress = input.onProgress ?? (() => {});
  const scope = { platforms: request.platforms, academies: request.academies, ...periodBounds(request.from, request.to) };
  const base = input.workDir ?? tmpdir();
  await mkdir(base, { recursive: true, mode: 0o700 });
  const dir = await mkdtemp(path.join(base, 'dossier-'));
  try {
    const cells = await countReportCells(db, scope);
    const total = Math.max(1, cells.reduce((sum, c) => sum + c.reports, 0));
    const data = { db, scope, dir, hiddenCells: suppressedCells(cells, request.k) };
    const moved = new Map<string, LedgerRef>((await listMovedReportEntries(db, scope)).map((e) => [e.refId, e]));
    const ledger = createLedgerDays({ db, key, now, dir });
    const reports = await writeReportFiles({ ...data, ledger, moved, onRead: (read) => progress(0.7 * Math.min(1, read / total)) });
    const counts = await writeCountFiles(data);
    const incidents = await listDossierIncidents(db, scope);
    const other = await writeModerationAndIncidents({ ...data, incidents });
    progress(0.75);
    const days = ledger.list();
    const [names, series] = await Promise.all([readNames(db), incidentSeries(db, incidents, now)]);
    const pdf = await renderDossierPdf(toPdfInput({ request, summary: reports.summary, incidents, series, days, names, keyId: key.keyId, suppressed: reports.suppressed, builtAt: now }));
    progress(0.8);
    const spooled: SpooledFile[] = [...reports.files, ...counts, ...other, ...days.map((d) => d.file)];
    const listed = [...spooled, { name: 'rapport.pdf', sha256: sha256Hex(pdf), bytes: pdf.length }];
    const manifest = manifestOf({ request, now, key, files: listed, days, reportCount: reports.summary.reports });
    const sources: ZipSource[] = [
      ...[...spooled].sort((a, b) => zipRank(a.name) - zipRank(b.name) || (a.name < b.name ? -1 : 1)).map((f) => ({ name: f.name, path: f.path })),
      { name: 'rapport.pdf', bytes: pdf },
      { name: MANIFEST_NAME, bytes: utf8ToBytes(serializeManifest(manifest)) },
    ];
    const zip = await writeZip({ sources, sink: input.sink, mtime: ZIP_TIME });
    progress(1);
    return { manifest, reportCount: reports.summary.reports, sizeBytes: zip.bytes, sha256: zip.sha256 };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Builds a dossier in memory: for tests and the benchmark's small dossier, never for the job. */
export async function buildDossierBytes(input: Omit<Parameters<typeof buildDossier>[0], 'sink'>): Promise<BuiltDossier & { zip: Uint8Array }> {
  const sink = memorySink();
  const built = await buildDossier({ ...input, sink });
  return { ...built, zip: sink.bytes() };
}
