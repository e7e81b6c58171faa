import type { DbLike, Tx } from './audit';

/** A declared day as the detector and the admin page read it. */
export type ExceptionalDayRecord = { id: string; date: string; scope: string; factor: number; label: string };

const toRecord = (row: ExceptionalDayRecord): ExceptionalDayRecord => ({ id: row.id, date: row.date, scope: row.scope, factor: row.factor, label: row.label });

/** Declared days from `from` to `to` (local dates YYYY-MM-DD, inclusive), by date. */
export async function listExceptionalDays(db: DbLike, range: { from: string; to: string }): Promise<ExceptionalDayRecord[]> {
  const rows = await db.exceptionalDay.findMany({ where: { date: { gte: range.from, lte: range.to } }, orderBy: [{ date: 'asc' }, { scope: 'asc' }] });
  return rows.map(toRecord);
}

/** Creates or replaces the declaration of (date, scope); returns it with the one it replaced. */
export async function upsertExceptionalDay(tx: Tx, input: Omit<ExceptionalDayRecord, 'id'>): Promise<{ before: ExceptionalDayRecord | null; after: ExceptionalDayRecord }> {
  const where = { date_scope: { date: input.date, scope: input.scope } };
  const before = await tx.exceptionalDay.findUnique({ where });
  const after = await tx.exceptionalDay.upsert({ where, create: input, update: { factor: input.factor, label: input.label } });
  return { before: before ? toRecord(before) : null, after: toRecord(after) };
}

/** Deletes a declaration; null when it did not exist. */
export async function deleteExceptionalDay(tx: Tx, id: string): Promise<ExceptionalDayRecord | null> {
  const row = await tx.exceptionalDay.findUnique({ where: { id } });
  if (!row) return null;
  await tx.exceptionalDay.delete({ where: { id } });
  return toRecord(row);
}
