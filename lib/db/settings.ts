import type { Prisma } from '@/lib/generated/prisma/client';
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

/** A generated secret kept in the settings table (at least 32 characters), or null. */
export async function readSecretSetting(db: DbLike, key: string): Promise<string | null> {
  const row = await db.setting.findUnique({ where: { key } });
  return typeof row?.value === 'string' && row.value.length >= 32 ? row.value : null;
}

/**
 * The generated value kept under `key` (a secret every instance shares: the proof-of-work key, the VAPID pair),
 * created from `create()` by the first caller; later and concurrent callers read the first writer's value.
 */
export async function readOrCreateSetting(db: DbLike, key: string, create: () => Prisma.InputJsonValue): Promise<unknown> {
  await db.setting.upsert({ where: { key }, create: { key, value: create() }, update: {} });
  return (await db.setting.findUniqueOrThrow({ where: { key } })).value;
}

export async function deleteSetting(db: DbLike, key: string): Promise<void> {
  await db.setting.deleteMany({ where: { key } });
}
