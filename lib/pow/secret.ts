import { randomBytes } from 'node:crypto';
import { readOrCreateSetting } from '@/lib/db/settings';
import type { PrismaClient } from '@/lib/db/types';

const SETTING_KEY = 'pow_secret';

const generated = (db: PrismaClient) => readOrCreateSetting(db, SETTING_KEY, () => randomBytes(32).toString('hex'));

/**
 * Creates the proof-of-work signing secret once per database, so every instance verifies the
 * challenges of the others. It signs challenges only: it cannot reverse or forge fingerprints.
 */
export async function ensurePowSecret(db: PrismaClient): Promise<void> {
  await generated(db);
}

/** POW_SECRET when configured, else the database's generated secret. */
export async function loadPowSecret(db: PrismaClient, configured: string | undefined): Promise<string> {
  if (configured) return configured;
  const stored = await generated(db);
  if (typeof stored !== 'string' || stored.length < 32) throw new Error(`Réglage ${SETTING_KEY} invalide : supprimez-le pour qu’il soit régénéré.`);
  return stored;
}
