import { randomBytes } from 'node:crypto';
import type { PrismaClient } from '@/lib/generated/prisma/client';

const SETTING_KEY = 'source_secret';

/** Creates the fingerprint secret once per database, so that every instance shares it. */
export async function ensureSourceSecret(db: PrismaClient): Promise<void> {
  await db.setting.upsert({
    where: { key: SETTING_KEY },
    create: { key: SETTING_KEY, value: randomBytes(32).toString('hex') },
    update: {},
  });
}

/** SOURCE_SECRET when configured, else the database's generated secret. */
export async function loadSourceSecret(db: PrismaClient, configured: string | undefined): Promise<string> {
  if (configured) return configured;
  const row = await db.setting.findUnique({ where: { key: SETTING_KEY } });
  if (typeof row?.value === 'string' && row.value.length >= 32) return row.value;
  await ensureSourceSecret(db);
  return loadSourceSecret(db, configured);
}
