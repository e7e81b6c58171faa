import { randomBytes } from 'node:crypto';
import { createSettingOnce, readSecretSetting } from '@/lib/db/settings';
import type { PrismaClient } from '@/lib/db/types';

const SETTING_KEY = 'pow_secret';

/**
 * Creates the proof-of-work signing secret once per database, so every instance verifies the
 * challenges of the others. It signs challenges only: it cannot reverse or forge fingerprints.
 */
export async function ensurePowSecret(db: PrismaClient): Promise<void> {
  await createSettingOnce(db, SETTING_KEY, randomBytes(32).toString('hex'));
}

/** POW_SECRET when configured, else the database's generated secret. */
export async function loadPowSecret(db: PrismaClient, configured: string | undefined): Promise<string> {
  if (configured) return configured;
  const stored = await readSecretSetting(db, SETTING_KEY);
  if (stored) return stored;
  await ensurePowSecret(db);
  return loadPowSecret(db, configured);
}
