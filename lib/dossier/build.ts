import '@/lib/evidence/native-hash';
import { zipSync } from 'fflate';
import type { PrismaClient } from '@/lib/db/types';
import { readNames } from '@/lib/db/dashboard';
import { sha256Hex, utf8ToBytes } from '@/lib/evidence/hash';
import { signText, type SigningKey } from '@/lib/evidence/signing-key';
import { readSeries } from '@/lib/series/read-series';
import type { SeriesPayload } from '@/lib/series/types';
import { incidentWindow } from '@/lib/series/window';
import { collectDossierData } from './collect';
import { buildDataFiles, lineHashesFileName, registreFileName } from './files';
import { MANIFEST_NAME, manifestSigningText, serializeManifest, type Manifest } from './manifest';
import { renderDossierPdf } from './pdf';
import { toPdfInput } from './pdf-input';
import { periodBounds } from './period';
import type { DossierRequest } from './schema';

export type BuiltDossier = { zip: Uint8Array; manifest: Manifest; files: Map<string, Uint8Array>; reportCount: number };

const MAX_CHARTS = 20;
// A fixed date in every ZIP entry: the archive's data files do not depend on when it was built.
const ZIP_TIME = new Date('2000-01-01T00:00:00Z');
const CSV_FILES = new Set(['reports.csv', 'comptes-par-minute.csv', 'moderation.csv']);

async function incidentSeries(db: PrismaClient, incidents: Awaited<ReturnType<typeof collectDossierData>>['incidents'], now: Date) {
  const series = new Map<string, SeriesPayload>();
  for (const i of incidents.slice(0, MAX_CHARTS)) {
    const academyId = i.scope !== 'national' && i.academies.length === 1 ? (i.academies[0] ?? null) : null;
    const window = incidentWindow(i.startedAt.getTime(), i.endedAt?.getTime() ?? null, now.getTime());
    series.set(i.id, await readSeries(db, { platformId: i.platformId, academyId, window }));
  }
  return series;
}

/** Builds the dossier ZIP: data files, PDF report, per-line control hashes, registre days and signed manifest. */
export async function buildDossier(input: {
  db: PrismaClient;
  key: SigningKey;
  request: DossierRequest;
  now?: Date;
  onProgress?: (fraction: number) => void;
}): Promise<BuiltDossier> {
  const now = input.now ?? new Date();
  const { request, db, key } = input;
  const progress = input.onProgress ?? (() => {});
  const bounds = periodBounds(request.from, request.to);
  const scope = { platforms: request.platforms, academies: request.academies, ...bounds };
  const data = await collectDossierData({ db, key, scope, now, onProgress: progress });
  const { files, reports, suppressed } = buildDataFiles(data, request.k);
  const [names, series] = await Promise.all([readNames(db), incidentSeries(db, data.incidents, now)]);
  progress(0.8);
  const pdfInput = toPdfInput({ request, reports, incidents: data.incidents, series, days: data.days, names, keyId: key.keyId, suppressed, builtAt: now });
  files.set('rapport.pdf', await renderDossierPdf(pdfInput));
  progress(0.9);
  const manifest: Manifest = {
    v: 1,
    title: request.title,
    notes: request.notes,
    builtAt: now.toISOString(),
    filters: { platforms: request.platforms, academies: request.academies, from: request.from, to: request.to, k: request.k },
    files: [...files].sort(([a], [b]) => (a < b ? -1 : 1)).map(([name, bytes]) => ({
      name,
      sha256: sha256Hex(bytes),
      bytes: bytes.length,
      ...(CSV_FILES.has(name) ? { lineHashes: lineHashesFileName(name) } : {}),
    })),
    ledger: {
      publicKey: key.publicKeyHex,
      keyId: key.keyId,
      days: data.days.map((d) => ({
        day: d.day,
        file: registreFileName(d.day),
        digest: { id: String(d.digest.id), body: d.digest.body, hash: d.digest.hash, signature: d.digest.signature },
      })),
    },
    reports: { file: 'reports.csv', count: reports.length },
  };
  manifest.signature = signText(key, manifestSigningText(manifest));
  files.set(MANIFEST_NAME, utf8ToBytes(serializeManifest(manifest)));
  const zip = zipSync(Object.fromEntries([...files].map(([name, bytes]) => [name, [bytes, { mtime: ZIP_TIME }]])), { level: 6 });
  progress(1);
  return { zip, manifest, files, reportCount: reports.length };
}
