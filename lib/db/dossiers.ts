import { Prisma } from '@/lib/generated/prisma/client';
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

/** A claimed build: `attempt` fences its writes (a later claim of the same dossier makes them no-ops). */
export type DossierClaim = DossierRecord & { attempt: number };

/** Builds left « building » whose holder stopped refreshing the lease (a crashed or killed process). */
function staleBuild(leaseMs: number): Prisma.Sql {
  return Prisma.sql`state = 'building' AND coalesce(heartbeat_at, updated_at) < now() - ${leaseMs} * interval '1 millisecond'`;
}

/**
 * Claims the oldest dossier waiting for a builder (one instance builds it): queued, or left « building »
 * by a holder whose lease expired, which starts the build again. Null when none waits.
 */
export async function claimDossierBuild(db: DbLike, input: { leaseMs: number; maxAttempts: number }): Promise<DossierClaim | null> {
  const rows = await db.$queryRaw<Array<{ id: string; attempts: number }>>`
    UPDATE dossier SET state = 'building', progress = 0, attempts = attempts + 1, heartbeat_at = now(), updated_at = now()
    WHERE id = (
      SELECT id FROM dossier WHERE state = 'queued' OR (${staleBuild(input.leaseMs)} AND attempts < ${input.maxAttempts})
      ORDER BY created_at LIMIT 1 FOR UPDATE SKIP LOCKED)
    RETURNING id::text AS id, attempts`;
  const row = rows[0];
  if (!row) return null;
  return { ...toRecord(await db.dossier.findUniqueOrThrow({ where: { id: row.id } })), attempt: row.attempts };
}

/** Marks failed the stale builds already claimed `maxAttempts` times (each claim ended in a crash); returns their ids. */
export async function failAbandonedDossierBuilds(db: DbLike, input: { leaseMs: number; maxAttempts: number; error: string }): Promise<string[]> {
  const rows = await db.$queryRaw<Array<{ id: string }>>`
    UPDATE dossier SET state = 'failed', error = ${input.error}, updated_at = now()
    WHERE ${staleBuild(input.leaseMs)} AND attempts >= ${input.maxAttempts}
    RETURNING id::text AS id`;
  return rows.map((r) => r.id);
}

/** Refreshes the build's lease (and its progress, 0–1); false when this attempt no longer holds it. */
export async function touchDossierBuild(db: DbLike, claim: { id: string; attempt: number; progress?: number }): Promise<boolean> {
  const progress = claim.progress === undefined ? null : Math.round(claim.progress * 100);
  const touched = await db.$executeRaw`
    UPDATE dossier SET heartbeat_at = now(), progress = coalesce(${progress}::int, progress)
    WHERE id = ${claim.id}::uuid AND attempts = ${claim.attempt} AND state = 'building'`;
  return touched > 0;
}

/** Records the build's outcome; false (nothing written) when this attempt no longer holds the build. */
export async function finishDossier(
  db: DbLike,
  claim: { id: string; attempt: number },
  result: { state: 'ready'; reportCount: number; sizeBytes: number; sha256: string; expiresAt: Date } | { state: 'failed'; error: string },
): Promise<boolean> {
  const { count } = await db.dossier.updateMany({
    where: { id: claim.id, attempts: claim.attempt, state: 'building' },
    data: { ...result, progress: result.state === 'ready' ? 100 : undefined },
  });
  return count > 0;
}

/** Ready dossiers past their expiry: marked expired (their files are deleted by the caller). */
export async function expireDossiers(db: DbLike, now: Date): Promise<string[]> {
  const rows = await db.dossier.findMany({ where: { state: 'ready', expiresAt: { lt: now } }, select: { id: true } });
  await db.dossier.updateMany({ where: { id: { in: rows.map((r) => r.id) } }, data: { state: 'expired' } });
  return rows.map((r) => r.id);
}
