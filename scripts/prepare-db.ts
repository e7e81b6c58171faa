// Migrates and seeds the database the launcher started (DATABASE_URL or EMBEDDED_DATABASE_URL), then
// exits: run by scripts/run-with-db.ts in its own short-lived process so that the migration runner and
// Prisma client (about 150 MB resident, bench:memory) do not stay in the long-lived launcher.
import { parseEnv, EnvError } from '../lib/config/env-schema';
import { resolveDatabase } from '../lib/db/connection';
import { MigrationError } from '../lib/db/migrate/apply';
import { prepareDatabase } from '../lib/setup/prepare-database';
import { onParentGone } from '../lib/worker/supervise';
import { componentLogger, errorMessage } from '../lib/log/logger';

const log = componentLogger('setup');

/** Exit status for a configuration or migration error (EX_CONFIG), passed on by the launcher. */
const EXIT_CONFIG = 78;

async function main() {
  onParentGone(() => process.exit(1));
  const target = resolveDatabase(parseEnv(process.env));
  if (!target.url) throw new Error('prepare-db : aucune base (DATABASE_URL ou base embarquée démarrée) / no database');
  await prepareDatabase({ url: target.url, kind: target.kind, log: (line) => log.info(line) });
  process.exit(0);
}

main().catch((error: unknown) => {
  if (error instanceof EnvError || error instanceof MigrationError) {
    log.error({ code: 'config' }, error.message);
    process.exit(EXIT_CONFIG);
  }
  log.error({ err: error }, errorMessage(error));
  process.exit(1);
});
