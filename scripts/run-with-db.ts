// Starts (or reuses) the database, migrates it, then runs the given command (the server) with the
// database URL in its environment. The child is tied to us by an IPC channel: it drains and exits
// when we die, even by SIGKILL; we exit with its status when it dies (a supervisor restarts us).
// With PostgreSQL (DATABASE_URL) there is nothing left to own once the database is migrated: when the command
// is a compiled script run by plain node (`node dist/serve.js`), this process becomes the server (imports it)
// instead of spawning it, one Node process less (docs/deployment.md).
// Usage: node dist/run-with-db.js -- node dist/serve.js   (development: through tsx, see package.json)
import { spawn } from 'node:child_process';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseEnv, EnvError } from '../lib/config/env-schema';
import { onParentGone } from '../lib/worker/supervise';
import { describeDatabaseTarget } from '../lib/db/target';
import { componentLogger, errorMessage } from '../lib/log/logger';
import { inProcessEntry, siblingEntry } from './entry';

const logger = componentLogger('launcher');
const log = (line: string) => logger.info(line);
const EXIT_CONFIG = 78;

class PrepareError extends Error {
  constructor(readonly status: number) {
    super(`préparation de la base : échec (code ${status})`);
  }
}

/** Migrates and seeds in a short-lived child (scripts/prepare-db.ts), so its memory leaves with it. */
function prepareInChild(env: NodeJS.ProcessEnv): Promise<void> {
  const { command, args } = siblingEntry('prepare-db');
  const child = spawn(command, args, { stdio: ['ignore', 'inherit', 'inherit', 'ipc'], env });
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => (code === 0 ? resolve() : reject(new PrepareError(code ?? 1))));
  });
}

async function main() {
  const command = process.argv.slice(process.argv.indexOf('--') + 1);
  if (command.length === 0) throw new Error('Usage: run-with-db.ts -- <commande>');
  const env = parseEnv(process.env);
  const childEnv: NodeJS.ProcessEnv = {
    ...process.env,
    PATH: `${path.resolve('node_modules/.bin')}${path.delimiter}${process.env.PATH ?? ''}`,
    NEXT_TELEMETRY_DISABLED: '1',
    // glibc gives each thread that allocates its own 64 MB arena; two arenas cut tens of MB per Node process.
    MALLOC_ARENA_MAX: process.env.MALLOC_ARENA_MAX ?? '2',
  };
  let stop = async () => {};
  if (env.DATABASE_URL) {
    log(describeDatabaseTarget({ kind: 'postgresql', url: env.DATABASE_URL }));
    await prepareInChild(childEnv);
    const entry = inProcessEntry(command, process.execPath);
    if (entry) {
      // The server's own handlers take over: SIGTERM drains, a closed IPC channel to our parent stops it.
      Object.assign(process.env, childEnv);
      const script = path.resolve(entry.script);
      process.argv = [process.argv[0] as string, script, ...entry.args];
      await import(pathToFileURL(script).href);
      return;
    }
  } else {
    // Imported here only: PGlite's modules (about 6 MB resident) stay out of a server running in this process.
    const { startEmbeddedServer } = await import('../lib/db/embedded/owner');
    const server = await startEmbeddedServer({ dataDir: env.DATA_DIR, port: env.EMBEDDED_DB_PORT, sharedBuffers: env.EMBEDDED_DB_SHARED_BUFFERS });
    stop = () => server.stop();
    log(`${describeDatabaseTarget({ kind: 'embedded', dataDir: env.DATA_DIR })} ${server.owned ? '' : '(déjà ouverte par un autre processus)'}`);
    childEnv.EMBEDDED_DATABASE_URL = server.url;
    await prepareInChild(childEnv).catch(async (error: unknown) => {
      await server.stop();
      throw error;
    });
  }
  const [bin, ...args] = command as [string, ...string[]];
  const child = spawn(bin, args, { stdio: ['inherit', 'inherit', 'inherit', 'ipc'], env: childEnv, shell: false });
  let exiting = false;
  const forward = (signal: NodeJS.Signals) => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
  };
  process.on('SIGINT', () => forward('SIGINT'));
  process.on('SIGTERM', () => forward('SIGTERM'));
  process.on('SIGHUP', () => forward('SIGTERM'));
  onParentGone(() => forward('SIGTERM'));
  child.on('error', (error) => {
    logger.error({ command: bin, err: error.message }, `lancement impossible de ${bin}`);
    void stop().finally(() => process.exit(1));
  });
  child.on('exit', (code, signal) => {
    if (exiting) return;
    exiting = true;
    void stop().finally(() => process.exit(code ?? (signal ? 1 : 0)));
  });
}

main().catch((error: unknown) => {
  if (error instanceof EnvError) {
    logger.error({ code: 'config' }, error.message);
    process.exit(EXIT_CONFIG);
  }
  if (error instanceof PrepareError) process.exit(error.status === EXIT_CONFIG ? EXIT_CONFIG : 1);
  logger.error({ err: error }, errorMessage(error));
  process.exit(1);
});
