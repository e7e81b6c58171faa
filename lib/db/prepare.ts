import { applyMigrations } from './migrate/apply';
import { listMigrations } from './migrate/migrations';
import { connectExecutor } from './pg-executor';
import { createPrismaClient } from './create-client';
import { ensurePowSecret } from '../pow/secret';
import { seedReferenceData } from './seed';
import { MIGRATIONS_DIR } from './migrations-dir';


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
