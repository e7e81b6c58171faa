import { randomBytes } from 'node:crypto';
import type { PrismaClient } from '@/lib/db/types';

const SETTING_KEY = 'pow_secret';

/**
 * Creates the proof-of-work signing secret once per database, so every instance verifies the
 * challenges of the others. It signs challenges only: it cannot reverse or forge fingerprints.
 */
export async function ensurePowSecret(db: PrismaClient): Promise<void> {
  await db.setting.upsert({
    where: { key: SETTING_KEY },
    create: { key: SETTING_KEY, value: randomBytes(32).toString('hex') },
    update: {},
  });
}

/** POW_SECRET when configured, else the database's generated secret. */
export async function loadPowSecret(db: PrismaClient, configured: string | undefined): Promise<string> {
  if (configured) return configured;
  const row = await db.setting.findUnique({ where: { key: SETTING_KEY } });
  if (typeof row?.value === 'string' && row.value.length >= 32) return row.value;
  await ensurePowSecret(db);
  return loadPowSecret(db, configured);
}
