import { createPrismaClient } from '@/lib/db/create-client';
import { applyMigrations } from '@/lib/db/migrate/apply';
import { listMigrations } from '@/lib/db/migrate/migrations';
import { MIGRATIONS_DIR } from '@/lib/db/migrations-dir';
import { connectExecutor } from '@/lib/db/pg-executor';
import { ensurePowSecret } from '@/lib/pow/secret';
import { seedReferenceData } from './reference-data';

/** Migrates (Prisma bookkeeping, checksum-checked) then seeds reference data. Idempotent. */
export async function prepareDatabase(opts: {
  url: string;
  kind: 'embedded' | 'postgresql';
  seed?: boolean;
  log?: (line: string) => void;
}): Promise<{ applied: string[]; seeded: boolean }> {
  const log = opts.log ?? (() => {});
  const executor = await connectExecutor(opts.url);
  let applied: string[];
  try {
    ({ applied } = await applyMigrations(executor, listMigrations(MIGRATIONS_DIR)));
  } finally {
    await executor.close();
  }
  if (applied.length > 0) log(`migrations appliquées : ${applied.join(', ')}`);
  if (opts.seed === false) return { applied, seeded: false };
  const db = createPrismaClient({ url: opts.url, kind: opts.kind, timeoutMs: 120_000, poolMax: 2 });
  try {
    await ensurePowSecret(db);
    const { changed } = await seedReferenceData(db);
    if (changed) log('données de référence chargées (académies, départements, contours, plateformes)');
    return { applied, seeded: changed };
  } finally {
    await db.$disconnect();
  }
}
