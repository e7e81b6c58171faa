import { parseEnv } from '../lib/config/env-schema';
import { createPrismaClient } from '../lib/db/create-client';
import { startEmbeddedServer } from '../lib/db/embedded/owner';
import { prepareDatabase } from '../lib/setup/prepare-database';
import { databaseTargetOf, describeDatabaseTarget } from '../lib/db/target';
import type { PrismaClient } from '../lib/db/types';

/**
 * For command-line scripts: DATABASE_URL, or the embedded database (reusing a running owner). Says
 * which database on stderr before touching it; `dataDir` overrides DATA_DIR (admin:create --demo).
 */
export async function connectForScript(opts: { dataDir?: string } = {}): Promise<{ db: PrismaClient; close(): Promise<void> }> {
  const parsed = parseEnv(process.env);
  const env = opts.dataDir ? { ...parsed, DATA_DIR: opts.dataDir, DATABASE_URL: undefined, EMBEDDED_DATABASE_URL: undefined } : parsed;
  console.error(`[école-en-panne] ${describeDatabaseTarget(databaseTargetOf(env))}`);
  if (env.DATABASE_URL) {
    await prepareDatabase({ url: env.DATABASE_URL, kind: 'postgresql' });
    const db = createPrismaClient({ url: env.DATABASE_URL, kind: 'postgresql', timeoutMs: 60_000 });
    return { db, close: () => db.$disconnect() };
  }
  if (env.EMBEDDED_DATABASE_URL) {
    const db = createPrismaClient({ url: env.EMBEDDED_DATABASE_URL, kind: 'embedded', timeoutMs: 60_000 });
    return { db, close: () => db.$disconnect() };
  }
  const server = await startEmbeddedServer({ dataDir: env.DATA_DIR, port: env.EMBEDDED_DB_PORT });
  await prepareDatabase({ url: server.url, kind: 'embedded' });
  const db = createPrismaClient({ url: server.url, kind: 'embedded', timeoutMs: 60_000 });
  return {
    db,
    async close() {
      await db.$disconnect();
      await server.stop();
    },
  };
}
