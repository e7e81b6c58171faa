import type { DbLike, Tx } from './audit';

const SETTINGS_LOCK_KEY = 7_461_332_023;

export type SettingRow = { key: string; value: unknown };

/** The rows of these keys only: the table also holds generated secrets that must never be read here. */
export async function readSettingRows(db: DbLike, keys: readonly string[]): Promise<SettingRow[]> {
  const rows = await db.setting.findMany({ where: { key: { in: [...keys] } }, select: { key: true, value: true } });
  return rows.map((r) => ({ key: r.key, value: r.value }));
}

/** Serialises concurrent settings changes (the read-modify-write of one admin save). */
export async function lockSettingRows(tx: Tx, keys: readonly string[]): Promise<SettingRow[]> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${SETTINGS_LOCK_KEY}::bigint)`;
  return readSettingRows(tx, keys);
}

export async function writeSettingRows(tx: Tx, input: { upserts: Array<{ key: string; value: number | string }>; deletes: string[] }): Promise<void> {
  for (const { key, value } of input.upserts) {
    await tx.setting.upsert({ where: { key }, create: { key, value }, update: { value } });
  }
  if (input.deletes.length > 0) await tx.setting.deleteMany({ where: { key: { in: input.deletes } } });
}
