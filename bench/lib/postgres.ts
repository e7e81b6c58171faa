import { execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort } from '../../lib/net/free-port';

export { freePort };

const PG_BIN = '/usr/lib/postgresql/15/bin';


function asPostgres(command: string): void {
  execFileSync('su', ['postgres', '-s', '/bin/sh', '-c', command], { stdio: 'ignore' });
}

/** A throwaway PostgreSQL 15 cluster (Debian's server binaries, run as user postgres), or BENCH_DATABASE_URL. */
export async function startPostgres(): Promise<{ url: string; stop(): void; restart?(): void } | null> {
  if (process.env.BENCH_DATABASE_URL) return { url: process.env.BENCH_DATABASE_URL, stop() {} };
  if (!existsSync(`${PG_BIN}/pg_ctl`)) return null;
  const dir = mkdtempSync(path.join(os.tmpdir(), 'ecole-bench-pg-'));
  const uid = Number(execFileSync('id', ['-u', 'postgres']).toString().trim());
  const gid = Number(execFileSync('id', ['-g', 'postgres']).toString().trim());
  chownSync(dir, uid, gid);
  const port = await freePort();
  asPostgres(`'${PG_BIN}/initdb' -D '${dir}/data' -A trust -U postgres -E UTF8 --locale=C.UTF-8`);
  asPostgres(
    `'${PG_BIN}/pg_ctl' -D '${dir}/data' -w -l '${dir}/log' -o "-p ${port} -k '${dir}' -c listen_addresses=127.0.0.1 -c max_connections=300 -c shared_buffers=256MB" start`,
  );
  let stopped = false;
  const stop = () => {
    if (stopped) return;
    stopped = true;
    try {
      asPostgres(`'${PG_BIN}/pg_ctl' -D '${dir}/data' -m fast stop`);
    } catch {
      // Already stopped.
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };
  // pg_ctl daemonises the server: stop it however the benchmark ends (an interrupted run left it running).
  process.once('exit', stop);
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.once(signal, () => process.exit(130));
  }
  return {
    url: `postgresql://postgres@127.0.0.1:${port}/postgres`,
    restart() {
      asPostgres(`'${PG_BIN}/pg_ctl' -D '${dir}/data' -w -m fast restart`);
    },
    stop,
  };
}
