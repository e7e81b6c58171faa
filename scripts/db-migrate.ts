// `npm run db:migrate`: applies prisma/migrations (and seeds reference data) to DATABASE_URL or the embedded database.
import { parseEnv } from '../lib/config/env-schema';
import { startEmbeddedServer } from '../lib/db/embedded/owner';
import { prepareDatabase } from '../lib/setup/prepare-database';
import { databaseTargetOf, describeDatabaseTarget } from '../lib/db/target';

const seed = process.argv.includes('--seed') || process.env.npm_lifecycle_event === 'db:seed';
const env = parseEnv(process.env);
const log = (line: string) => console.log(line);
log(`[école-en-panne] ${describeDatabaseTarget(databaseTargetOf({ ...env, EMBEDDED_DATABASE_URL: undefined }))}`);
try {
  if (env.DATABASE_URL) {
    const result = await prepareDatabase({ url: env.DATABASE_URL, kind: 'postgresql', seed, log });
    log(`PostgreSQL à jour (${result.applied.length} migration(s) appliquée(s)).`);
  } else {
    const server = await startEmbeddedServer({ dataDir: env.DATA_DIR, port: env.EMBEDDED_DB_PORT, sharedBuffers: env.EMBEDDED_DB_SHARED_BUFFERS });
    try {
      const result = await prepareDatabase({ url: server.url, kind: 'embedded', seed, log });
      log(`Base embarquée à jour (${result.applied.length} migration(s) appliquée(s)).`);
    } finally {
      await server.stop();
    }
  }
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
