import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { hideReportRows } from '@/lib/db/moderation';
import { insertReportBatch } from '@/lib/db/reports';
import { buildDossierBytes } from '@/lib/dossier/build';
import { manifestSigningText, serializeManifest, type Manifest } from '@/lib/dossier/manifest';
import { runDossierQueue } from '@/lib/dossier/queue';
import { dossierRequestSchema } from '@/lib/dossier/schema';
import { openDossierZip } from '@/lib/dossier/storage';
import { sha256Hex } from '@/lib/evidence/hash';
import { verifyDossierZip, type VerifyOptions } from '@/lib/dossier/verify';
import { verifyDossierFile } from '@/lib/dossier/verify-file';
import { publishDueDigests } from '@/lib/evidence/publish';
import { keyFromSeed, signText } from '@/lib/evidence/signing-key';
import { verifyLedger } from '@/lib/evidence/verify-ledger';
import type { PrismaClient } from '@/lib/generated/prisma/client';
import { preparedDatabase } from '../../helpers/fresh-database';
import { reportRow } from '../../helpers/factories';

const key = keyFromSeed(Buffer.alloc(32, 5).toString('base64'));
const stranger = keyFromSeed(Buffer.alloc(32, 6).toString('base64'));
const now = new Date('2021-04-09T10:00:00Z');
const request = dossierRequestSchema.parse({ title: 'ENT du 6 avril', notes: 'Pour le rectorat.', platforms: ['pronote'], academies: ['lille', 'lyon'], from: '2021-04-06', to: '2021-04-07', k: null });
let db: PrismaClient;
let database: Awaited<ReturnType<typeof preparedDatabase>> | undefined;
let zip: Uint8Array;
const scratch = mkdtempSync(path.join(tmpdir(), 'dossier-verify-test-'));

beforeAll(async () => {
  database = await preparedDatabase();
  db = database.db;
  const rows = Array.from({ length: 40 }, (_, i) =>
    reportRow({ createdAt: new Date(Date.UTC(2021, 3, 6, 7, 2 + i)), platformId: 'pronote', academyId: i % 3 === 0 ? 'lyon' : 'lille', role: 'parent', comment: i === 3 ? 'Impossible de se connecter, « erreur 503 »' : null }),
  );
  rows.push(reportRow({ createdAt: new Date(Date.UTC(2021, 3, 7, 8, 0)), platformId: 'pronote', academyId: 'lille' }));
  rows.push(reportRow({ createdAt: new Date(Date.UTC(2021, 3, 6, 8, 0)), platformId: 'ecoledirecte', academyId: 'lille' }));
  await insertReportBatch(db, rows);
  await db.report.updateMany({ where: { id: rows[3]!.id }, data: { commentState: 'approved' } });
  await db.$transaction((tx) => hideReportRows(tx, { ids: [rows[5]!.id] }));
  zip = (await buildDossierBytes({ db, key, request, now })).zip;
}, 180_000);

afterAll(async () => {
  rmSync(scratch, { recursive: true, force: true });
  await database?.close();
});

/** The command-line verifier (streamed from a file) and the browser's (in memory) must give the same findings. */
async function verify(bytes: Uint8Array, options: Omit<VerifyOptions, 'registre'> = {}) {
  const file = path.join(scratch, `${randomUUID()}.zip`);
  writeFileSync(file, bytes);
  const streamed = await verifyDossierFile(file, options);
  expect(await verifyDossierZip(bytes, options)).toEqual(streamed);
  return streamed;
}

function edit(change: (files: Record<string, Uint8Array>) => void): Uint8Array {
  const files = unzipSync(zip);
  change(files);
  return zipSync(files);
}

function editText(name: string, change: (text: string) => string): Uint8Array {
  return edit((files) => {
    files[name] = strToU8(change(strFromU8(files[name]!)));
  });
}

describe('buildDossier and verifyDossierZip', () => {
  test('an untouched dossier verifies: files, signature, ledger days and every report', async () => {
    const result = await verify(zip, { publicKeyHex: key.publicKeyHex });
    expect(result.problems).toEqual([]);
    expect(result.intact.join('\n')).toMatch(/41 signalement\(s\) prouvés/);
    const files = unzipSync(zip);
    expect(Object.keys(files)).toEqual(expect.arrayContaining(['reports.csv', 'reports.json', 'comptes-par-minute.csv', 'comptes-par-minute.json', 'incidents.json', 'moderation.csv', 'rapport.pdf', 'manifest.json', 'registre/2021-04-06.txt', 'registre/2021-04-07.txt']));
    const csv = strFromU8(files['reports.csv']!);
    expect(csv).not.toMatch(/[0-9a-f]{64}/);
    expect(csv).toContain('Impossible de se connecter');
    expect(csv).toMatch(/,hidden,moderator,/);
    expect(strFromU8(files['rapport.pdf']!.slice(0, 5))).toBe('%PDF-');
  });

  test('the same filters and data give the same data files and hashes', async () => {
    const again = await buildDossierBytes({ db, key, request, now: new Date('2021-04-10T10:00:00Z') });
    const first = JSON.parse(strFromU8(unzipSync(zip)['manifest.json']!)) as Manifest;
    const data = (m: Manifest) => m.files.filter((f) => f.name !== 'rapport.pdf');
    expect(data(again.manifest)).toEqual(data(first));
  });

  test('one CSV cell changed: the line is named', async () => {
    const result = await verify(editText('reports.csv', (t) => { const lines = t.split('\n'); lines[4] = lines[4]!.replace('lille', 'lyon').replace('lyon,login', 'lille,login'); lines[4] = lines[4]!.replace(',parent,', ',teacher,'); return lines.join('\n'); }));
    expect(result.ok).toBe(false);
    expect(result.problems).toContain('Ligne 5 de reports.csv modifiée.');
    expect(result.problems.join('\n')).toMatch(/Ligne 5 de reports\.csv : signalement absent du registre du 6 avril 2021/);
  });

  test('one PDF byte changed', async () => {
    const result = await verify(edit((f) => { const pdf = f['rapport.pdf']!; pdf[200] = pdf[200]! ^ 1; }));
    expect(result.problems).toEqual(['Fichier rapport.pdf modifié (son empreinte SHA-256 ne correspond plus).']);
  });

  test('the manifest changed', async () => {
    const result = await verify(editText('manifest.json', (t) => t.replace('Pour le rectorat.', 'Pour la presse.')));
    expect(result.problems).toEqual(['Signature du manifeste invalide : manifest.json a été modifié ou signé avec une autre clé.']);
  });

  test('a report row removed or added', async () => {
    const removed = await verify(editText('reports.csv', (t) => t.split('\n').filter((_, i) => i !== 10).join('\n')));
    expect(removed.problems).toContain('Ligne 11 de reports.csv supprimée.');
    expect(removed.problems.join('\n')).toMatch(/compte 40 signalement\(s\), le manifeste en annonce 41/);
    const added = await verify(editText('reports.csv', (t) => { const lines = t.split('\n'); lines.splice(3, 0, lines[3]!.replace(/^[0-9a-f-]{36}/, randomUUID())); return lines.join('\n'); }));
    expect(added.problems).toContain('Ligne 4 de reports.csv ajoutée.');
    expect(added.problems.join('\n')).toMatch(/Ligne 4 de reports\.csv : signalement absent du registre du 6 avril 2021/);
  });

  test('the signature replaced with another key', async () => {
    const forged = editText('manifest.json', (t) => {
      const m = JSON.parse(t) as Manifest;
      m.ledger.publicKey = stranger.publicKeyHex;
      m.signature = signText(stranger, manifestSigningText(m));
      return serializeManifest(m);
    });
    const result = await verify(forged, { publicKeyHex: key.publicKeyHex });
    expect(result.problems[0]).toMatch(/n’est pas la clé publiée/);
    expect(result.problems.join('\n')).toMatch(/Condensé du registre du 6 avril 2021 : signature ou contenu invalide/);
    const resigned = editText('manifest.json', (t) => { const m = JSON.parse(t) as Manifest; m.signature = signText(stranger, manifestSigningText(m)); return serializeManifest(m); });
    expect((await verify(resigned)).problems).toContain('Signature du manifeste invalide : manifest.json a été modifié ou signé avec une autre clé.');
  });

  test('a registre line changed, a truncated archive, an added file', async () => {
    const registre = await verify(editText('registre/2021-04-06.txt', (t) => t.replace(/^[0-9a-f]{64}/, 'pas une empreinte')));
    expect(registre.problems).toContain('Registre du 6 avril 2021 (registre/2021-04-06.txt) différent de la racine de Merkle signée ce jour-là.');
    expect(registre.problems.join('\n')).toMatch(/Ligne \d+ de reports\.csv : signalement absent du registre du 6 avril 2021/);
    expect((await verify(zip.slice(0, zip.length - 40))).problems).toEqual(['Ce fichier n’est pas une archive ZIP lisible.']);
    expect((await verify(edit((f) => { f['notes.txt'] = strToU8('ajout'); }))).problems).toEqual(['Fichier notes.txt ajouté : absent du manifeste.']);
  });

  test('a report deleted from the database after its day was sealed is found by the ledger check', async () => {
    await publishDueDigests({ db, key, now });
    const victim = await db.report.findFirstOrThrow({ where: { platformId: 'pronote', academyId: 'lyon' }, orderBy: { createdAt: 'asc' } });
    await db.report.deleteMany({ where: { id: victim.id } });
    const { problems } = await verifyLedger(db, key.publicKeyHex);
    expect(problems).toEqual([expect.objectContaining({ kind: 'report_deleted', id: victim.id, day: '2021-04-06' })]);
  });
});

describe('runDossierQueue', () => {
  test('builds a queued dossier, stores its ZIP for download and records its hash', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'dossiers-'));
    const id = randomUUID();
    await db.dossier.create({ data: { id, ownerId: 'u-queue', title: request.title, filters: request } });
    await db.dossier.create({ data: { id: randomUUID(), ownerId: 'u-queue', title: 'bad', filters: { title: '' } } });
    expect(await runDossierQueue({ db, key, dataDir, now })).toBe(1);
    const row = await db.dossier.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ state: 'ready', progress: 100 });
    const stream = await openDossierZip(db, { dossierId: id, sizeBytes: row.sizeBytes ?? 0 });
    const stored = new Uint8Array(await new Response(stream).arrayBuffer());
    expect(stored.length).toBe(row.sizeBytes);
    expect(sha256Hex(stored)).toBe(row.sha256);
    expect((await verify(stored)).problems).toEqual([]);
    expect(await db.dossier.count({ where: { ownerId: 'u-queue', state: 'failed' } })).toBe(1);
    rmSync(dataDir, { recursive: true, force: true });
  });
});
