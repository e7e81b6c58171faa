// Starts (or reuses) the database, migrates and seeds it, then runs the given command
// (`next start`, `next dev`, …) with the database URL in its environment.
// Usage: node --import tsx scripts/run-with-db.ts -- <command…>
import { spawn } from 'node:child_process';
import path from 'node:path';
import { parseEnv, EnvError } from '../lib/config/env-schema';
import { startEmbeddedServer } from '../lib/db/embedded/owner';
import { MigrationError } from '../lib/db/migrate/apply';
import { prepareDatabase } from '../lib/db/prepare';
import { describeDatabaseTarget } from '../lib/db/target';

const log = (line: string) => console.log(`[école-en-panne] ${line}`);

async function main() {
  const command = process.argv.slice(process.argv.indexOf('--') + 1);
  if (command.length === 0) throw new Error('Usage: run-with-db.ts -- <commande>');
  const env = parseEnv(process.env);
  const childEnv: NodeJS.ProcessEnv = {
    ...process.env,
    PATH: `${path.resolve('node_modules/.bin')}${path.delimiter}${process.env.PATH ?? ''}`,
    NEXT_TELEMETRY_DISABLED: '1',
  };
  let stop = async () => {};
  if (env.DATABASE_URL) {
    log(describeDatabaseTarget({ kind: 'postgresql', url: env.DATABASE_URL }));
    await prepareDatabase({ url: env.DATABASE_URL, kind: 'postgresql', log });
  } else {
    const server = await startEmbeddedServer({ dataDir: env.DATA_DIR, port: env.EMBEDDED_DB_PORT });
    stop = () => server.stop();
    log(`${describeDatabaseTarget({ kind: 'embedded', dataDir: env.DATA_DIR })} ${server.owned ? '' : '(déjà ouverte par un autre processus)'}`);
    await prepareDatabase({ url: server.url, kind: 'embedded', log });
    childEnv.EMBEDDED_DATABASE_URL = server.url;
  }
  const [bin, ...args] = command as [string, ...string[]];
  // Own process group, so a signal reaches the real server and not only a wrapper such as npx.
  const child = spawn(bin, args, { stdio: 'inherit', env: childEnv, shell: false, detached: true });
  const forward = (signal: NodeJS.Signals) => {
    if (child.pid) {
      try {
        process.kill(-child.pid, signal);
      } catch {
        child.kill(signal);
      }
    }
  };
  process.on('SIGINT', () => forward('SIGINT'));
  process.on('SIGTERM', () => forward('SIGTERM'));
  process.on('SIGHUP', () => forward('SIGTERM'));
  child.on('exit', (code, signal) => {
    forward('SIGTERM');
    void stop().finally(() => process.exit(code ?? (signal ? 1 : 0)));
  });
}

main().catch((error: unknown) => {
  if (error instanceof EnvError || error instanceof MigrationError) {
    console.error(`\n${error.message}\n`);
    process.exit(78);
  }
  console.error(error);
  process.exit(1);
});
