import type { DbLike } from './audit';

/**
 * One piece of a dossier's ZIP (pieces are numbered from 0, in file order). With `attempt`, written only
 * while that build attempt holds the dossier (false otherwise); the row lock keeps a new claim from
 * slipping between the check and the insert.
 */
export async function insertDossierChunk(db: DbLike, input: { dossierId: string; seq: number; data: Uint8Array; attempt?: number }): Promise<boolean> {
  const data = new Uint8Array(input.data);
  if (input.attempt === undefined) {
    await db.dossierChunk.create({ data: { dossierId: input.dossierId, seq: input.seq, data } });
    return true;
  }
  const inserted = await db.$executeRaw`
    INSERT INTO dossier_chunk (dossier_id, seq, data, created_at, updated_at)
    SELECT id, ${input.seq}, ${data}, now(), now() FROM dossier
    WHERE id = ${input.dossierId}::uuid AND state = 'building' AND attempts = ${input.attempt}
    FOR SHARE`;
  return inserted > 0;
}

export async function readDossierChunk(db: DbLike, input: { dossierId: string; seq: number }): Promise<Uint8Array | null> {
  const row = await db.dossierChunk.findUnique({ where: { dossierId_seq: { dossierId: input.dossierId, seq: input.seq } }, select: { data: true } });
  return row ? new Uint8Array(row.data) : null;
}

export async function deleteDossierChunks(db: DbLike, dossierIds: string[]): Promise<void> {
  if (dossierIds.length > 0) await db.dossierChunk.deleteMany({ where: { dossierId: { in: dossierIds } } });
}
