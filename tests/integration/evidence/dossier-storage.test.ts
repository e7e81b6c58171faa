import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { createPrismaClient } from '@/lib/db/create-client';
import { getDb } from '@/lib/db/client';
import { insertReportBatch } from '@/lib/db/reports';
import { CHUNK_BYTES } from '@/lib/dossier/storage';
import { runDossierQueue } from '@/lib/dossier/queue';
import { dossierRequestSchema } from '@/lib/dossier/schema';
import { verifyDossierZip } from '@/lib/dossier/verify';
import { verifyDossierFile } from '@/lib/dossier/verify-file';
import { sha256Hex } from '@/lib/evidence/hash';
import { keyFromSeed } from '@/lib/evidence/signing-key';
import type { PrismaClient } from '@/lib/generated/prisma/client';
import { reportRow } from '../../helpers/factories';
import { createTestUser, jsonRequest, sessionCookie } from '../auth/support';

const key = keyFromSeed(Buffer.alloc(32, 9).toString('base64'));
const now = new Date('2019-03-20T10:00:00Z');
// The building instance: its own database client and its own data folder, as another process would have.
let builder: PrismaClient;
let builderDataDir: string;
let cookie: string;
let ownerId: string;

beforeAll(async () => {
  builder = createPrismaClient({ url: inject('databaseUrl'), kind: inject('databaseKind'), timeoutMs: 120_000 });
  builderDataDir = mkdtempSync(path.join(tmpdir(), 'builder-'));
  // Random comments: the ZIP must not compress below one piece.
  const rows = Array.from({ length: 3000 }, (_, i) =>
    reportRow({ createdAt: new Date(Date.UTC(2019, 2, 12, 7, 0, i * 2)), platformId: 'pronote', academyId: i % 2 ? 'lille' : 'lyon', role: 'parent', comment: randomBytes(300).toString('base64') }),
  );
  await insertReportBatch(builder, rows);
  await builder.report.updateMany({ where: { id: { in: rows.map((r) => r.id) } }, data: { commentState: 'approved' } });
  const union = await createTestUser({ roles: ['union'] });
  ownerId = union.user.id;
  cookie = await sessionCookie(union.user);
}, 300_000);

afterAll(async () => {
  await builder?.$disconnect();
  rmSync(builderDataDir, { recursive: true, force: true });
});

async function download(id: string): Promise<Response> {
  const { GET } = await import('@/app/api/dossiers/[id]/zip/route');
  return GET(jsonRequest(`/api/dossiers/${id}/zip`, { method: 'GET', cookie }), { params: Promise.resolve({ id }) });
}

describe('dossier storage shared by every instance', () => {
  test('a dossier built by one instance downloads, streamed and intact, through another', async () => {
    const id = randomUUID();
    const request = dossierRequestSchema.parse({ title: 'Partagé', platforms: ['pronote'], academies: ['lille', 'lyon'], from: '2019-03-12', to: '2019-03-12' });
    await builder.dossier.create({ data: { id, ownerId, title: request.title, filters: request } });
    expect(await runDossierQueue({ db: builder, key, dataDir: builderDataDir, now })).toBeGreaterThanOrEqual(1);
    const row = await getDb().dossier.findUniqueOrThrow({ where: { id } });
    expect(row.state).toBe('ready');
    expect(row.sizeBytes).toBeGreaterThan(CHUNK_BYTES);
    expect(await getDb().dossierChunk.count({ where: { dossierId: id } })).toBeGreaterThan(1);
    const res = await download(id);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-length')).toBe(String(row.sizeBytes));
    const zip = new Uint8Array(await res.arrayBuffer());
    expect(sha256Hex(zip)).toBe(row.sha256);
    const file = path.join(builderDataDir, 'download.zip');
    writeFileSync(file, zip);
    const check = await verifyDossierFile(file, { publicKeyHex: key.publicKeyHex });
    expect(await verifyDossierZip(zip, { publicKeyHex: key.publicKeyHex })).toEqual(check);
    expect(check.problems).toEqual([]);
    expect(check.intact.join('\n')).toMatch(/3\u202f000 signalement\(s\) prouvés/);
  }, 300_000);

  test('a ready dossier whose pieces are gone answers a clear 404, and expiry deletes the pieces', async () => {
    const id = randomUUID();
    const request = dossierRequestSchema.parse({ title: 'Expire', platforms: ['pronote'], academies: ['lille'], from: '2019-03-12', to: '2019-03-12' });
    await builder.dossier.create({ data: { id, ownerId, title: request.title, filters: request } });
    await runDossierQueue({ db: builder, key, dataDir: builderDataDir, now });
    expect(await getDb().dossierChunk.count({ where: { dossierId: id } })).toBeGreaterThan(0);
    await runDossierQueue({ db: builder, key, dataDir: builderDataDir, now: new Date(now.getTime() + 31 * 86_400_000) });
    expect(await getDb().dossierChunk.count({ where: { dossierId: id } })).toBe(0);
    const expired = await download(id);
    expect(expired.status).toBe(409);
    expect(((await expired.json()) as { error: { message: string } }).error.message).toMatch(/a expiré/);
    await getDb().dossier.update({ where: { id }, data: { state: 'ready' } });
    const missing = await download(id);
    expect(missing.status).toBe(404);
    expect(((await missing.json()) as { error: { message: string } }).error.message).toBe('Le fichier de ce dossier n’est plus disponible : construisez-le à nouveau.');
  }, 300_000);
});
