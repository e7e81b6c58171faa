import type { Prisma } from '@/lib/generated/prisma/client';
import type { DbLike } from './audit';

export type DossierState = 'queued' | 'building' | 'ready' | 'failed' | 'expired';

export type DossierRecord = {
  id: string;
  organisationId: string | null;
  ownerId: string;
  title: string;
  filters: unknown;
  state: DossierState;
  progress: number;
  error: string | null;
  reportCount: number | null;
  sizeBytes: number | null;
  sha256: string | null;
  expiresAt: Date | null;
  createdAt: Date;
};

/** Who may see a dossier: its organisation's members, or only its owner when it has no organisation. */
export type DossierViewer = { userId: string; organisationId: string | null };

function visibleTo(viewer: DossierViewer): Prisma.DossierWhereInput {
  return viewer.organisationId ? { organisationId: viewer.organisationId } : { organisationId: null, ownerId: viewer.userId };
}

function toRecord(r: Prisma.DossierGetPayload<object>): DossierRecord {
  return { ...r, state: r.state as DossierState };
}

export async function createDossierRow(db: DbLike, input: { id: string; viewer: DossierViewer; title: string; filters: Prisma.InputJsonObject }): Promise<DossierRecord> {
  const row = await db.dossier.create({
    data: { id: input.id, organisationId: input.viewer.organisationId, ownerId: input.viewer.userId, title: input.title, filters: input.filters },
  });
  return toRecord(row);
}

export async function listDossiersFor(db: DbLike, viewer: DossierViewer, limit: number): Promise<DossierRecord[]> {
  const rows = await db.dossier.findMany({ where: visibleTo(viewer), orderBy: { createdAt: 'desc' }, take: limit });
  return rows.map(toRecord);
}

export async function findDossierFor(db: DbLike, viewer: DossierViewer, id: string): Promise<DossierRecord | null> {
  const row = await db.dossier.findFirst({ where: { id, ...visibleTo(viewer) } });
  return row ? toRecord(row) : null;
}

/** Claims the oldest queued dossier (one instance builds it); null when none waits. */
export async function claimQueuedDossier(db: DbLike): Promise<DossierRecord | null> {
  const rows = await db.$queryRaw<Array<{ id: string }>>`
    UPDATE dossier SET state = 'building', progress = 0, updated_at = now()
    WHERE id = (SELECT id FROM dossier WHERE state = 'queued' ORDER BY created_at LIMIT 1 FOR UPDATE SKIP LOCKED)
    RETURNING id::text AS id`;
  const id = rows[0]?.id;
  if (!id) return null;
  return toRecord(await db.dossier.findUniqueOrThrow({ where: { id } }));
}

export async function updateDossierProgress(db: DbLike, id: string, progress: number): Promise<void> {
  await db.dossier.update({ where: { id }, data: { progress: Math.round(progress * 100) } });
}

export async function finishDossier(
  db: DbLike,
  id: string,
  result: { state: 'ready'; reportCount: number; sizeBytes: number; sha256: string; expiresAt: Date } | { state: 'failed'; error: string },
): Promise<void> {
  await db.dossier.update({ where: { id }, data: { ...result, progress: result.state === 'ready' ? 100 : undefined } });
}

/** Ready dossiers past their expiry: marked expired (their files are deleted by the caller). */
export async function expireDossiers(db: DbLike, now: Date): Promise<string[]> {
  const rows = await db.dossier.findMany({ where: { state: 'ready', expiresAt: { lt: now } }, select: { id: true } });
  await db.dossier.updateMany({ where: { id: { in: rows.map((r) => r.id) } }, data: { state: 'expired' } });
  return rows.map((r) => r.id);
}
