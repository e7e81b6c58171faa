import type { DbLike } from './audit';

/** One piece of a dossier's ZIP (pieces are numbered from 0, in file order). */
export async function insertDossierChunk(db: DbLike, input: { dossierId: string; seq: number; data: Uint8Array }): Promise<void> {
  await db.dossierChunk.create({ data: { dossierId: input.dossierId, seq: input.seq, data: new Uint8Array(input.data) } });
}

export async function readDossierChunk(db: DbLike, input: { dossierId: string; seq: number }): Promise<Uint8Array | null> {
  const row = await db.dossierChunk.findUnique({ where: { dossierId_seq: { dossierId: input.dossierId, seq: input.seq } }, select: { data: true } });
  return row ? new Uint8Array(row.data) : null;
}

export async function deleteDossierChunks(db: DbLike, dossierIds: string[]): Promise<void> {
  if (dossierIds.length > 0) await db.dossierChunk.deleteMany({ where: { dossierId: { in: dossierIds } } });
}
