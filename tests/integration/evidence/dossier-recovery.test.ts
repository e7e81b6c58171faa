import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { insertDossierChunk } from '@/lib/db/dossier-chunks';
import { claimDossierBuild, finishDossier, touchDossierBuild } from '@/lib/db/dossiers';
import { insertReportBatch } from '@/lib/db/reports';
import { DOSSIER_LEASE_MS, DOSSIER_MAX_ATTEMPTS, runDossierQueue } from '@/lib/dossier/queue';
import { dossierRequestSchema } from '@/lib/dossier/schema';
import { openDossierZip } from '@/lib/dossier/storage';
import { verifyDossierZip } from '@/lib/dossier/verify';
import { keyFromSeed } from '@/lib/evidence/signing-key';
import type { PrismaClient } from '@/lib/generated/prisma/client';
import { preparedDatabase } from '../../helpers/fresh-database';
import { reportRow } from '../../helpers/factories';

const key = keyFromSeed(Buffer.alloc(32, 7).toString('base64'));
const now = new Date('2021-04-09T10:00:00Z');
const request = dossierRequestSchema.parse({ title: 'Reprise', platforms: ['pronote'], academies: ['lille'], from: '2021-04-06', to: '2021-04-06' });
const lease = { leaseMs: DOSSIER_LEASE_MS, maxAttempts: DOSSIER_MAX_ATTEMPTS };
let db: PrismaClient;
let database: Awaited<ReturnType<typeof preparedDatabase>> | undefined;
let dataDir: string;

beforeAll(async () => {
  database = await preparedDatabase();
  db = database.db;
  dataDir = mkdtempSync(path.join(tmpdir(), 'dossier-recovery-'));
  await insertReportBatch(db, Array.from({ length: 12 }, (_, i) => reportRow({ createdAt: new Date(Date.UTC(2021, 3, 6, 7, i)), platformId: 'pronote', academyId: 'lille' })));
}, 180_000);

afterAll(async () => {
  rmSync(dataDir, { recursive: true, force: true });
  await database?.close();
});

/** The state a builder killed mid-build leaves: « building », some pieces stored, its last heartbeat `ageMs` ago. */
async function interruptedBuild(input: { attempts: number; ageMs: number }): Promise<string> {
  const id = randomUUID();
  await db.dossier.create({ data: { id, ownerId: 'u-recovery', title: request.title, filters: request, state: 'building', progress: 40, attempts: input.attempts } });
  await db.$executeRaw`UPDATE dossier SET heartbeat_at = now() - ${input.ageMs} * interval '1 millisecond' WHERE id = ${id}::uuid`;
  await insertDossierChunk(db, { dossierId: id, seq: 0, data: new Uint8Array([1, 2, 3]) });
  await insertDossierChunk(db, { dossierId: id, seq: 1, data: new Uint8Array([4, 5, 6]) });
  return id;
}

async function storedZip(id: string, sizeBytes: number): Promise<Uint8Array> {
  const stream = await openDossierZip(db, { dossierId: id, sizeBytes });
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

describe('runDossierQueue after a builder died', () => {
  test('a build whose lease expired is built again from scratch and ends ready', async () => {
    const id = await interruptedBuild({ attempts: 1, ageMs: DOSSIER_LEASE_MS + 60_000 });
    expect(await runDossierQueue({ db, key, dataDir, now })).toBe(1);
    const row = await db.dossier.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ state: 'ready', progress: 100, attempts: 2, error: null });
    const zip = await storedZip(id, row.sizeBytes ?? 0);
    expect(zip.length).toBe(row.sizeBytes);
    const check = await verifyDossierZip(zip, { publicKeyHex: key.publicKeyHex });
    expect(check.problems).toEqual([]);
    expect(check.intact.join('\n')).toMatch(/12 signalement\(s\) prouvés/);
  });

  test('a build whose holder still refreshes its lease is left to it', async () => {
    const id = await interruptedBuild({ attempts: 1, ageMs: 5_000 });
    expect(await runDossierQueue({ db, key, dataDir, now })).toBe(0);
    expect(await db.dossier.findUniqueOrThrow({ where: { id } })).toMatchObject({ state: 'building', attempts: 1 });
    await db.dossier.update({ where: { id }, data: { state: 'failed' } });
  });

  test('after the last allowed attempt died too, the requester gets a French error, not an eternal « building »', async () => {
    const id = await interruptedBuild({ attempts: DOSSIER_MAX_ATTEMPTS, ageMs: DOSSIER_LEASE_MS + 60_000 });
    expect(await runDossierQueue({ db, key, dataDir, now })).toBe(0);
    const row = await db.dossier.findUniqueOrThrow({ where: { id } });
    expect(row.state).toBe('failed');
    expect(row.error).toBe('La construction du dossier a été interrompue à plusieurs reprises (arrêt du serveur) ; réessayez ou réduisez la période.');
    expect(await db.dossierChunk.count({ where: { dossierId: id } })).toBe(0);
  });
});

describe('build attempts are fenced', () => {
  test('a builder that lost its lease can neither store pieces nor finish the dossier', async () => {
    const id = await interruptedBuild({ attempts: 1, ageMs: DOSSIER_LEASE_MS + 60_000 });
    const claim = await claimDossierBuild(db, lease);
    expect(claim).toMatchObject({ id, attempt: 2, state: 'building' });
    expect(await insertDossierChunk(db, { dossierId: id, seq: 2, data: new Uint8Array([7]), attempt: 1 })).toBe(false);
    expect(await finishDossier(db, { id, attempt: 1 }, { state: 'failed', error: 'zombie' })).toBe(false);
    expect(await touchDossierBuild(db, { id, attempt: 1 })).toBe(false);
    expect(await touchDossierBuild(db, { id, attempt: 2, progress: 0.5 })).toBe(true);
    expect(await touchDossierBuild(db, { id, attempt: 2 })).toBe(true);
    expect(await db.dossier.findUniqueOrThrow({ where: { id } })).toMatchObject({ progress: 50 });
    expect(await insertDossierChunk(db, { dossierId: id, seq: 2, data: new Uint8Array([8]), attempt: 2 })).toBe(true);
    expect(await finishDossier(db, { id, attempt: 2 }, { state: 'failed', error: 'fin' })).toBe(true);
    expect(await db.dossier.findUniqueOrThrow({ where: { id } })).toMatchObject({ state: 'failed', error: 'fin' });
  });
});
