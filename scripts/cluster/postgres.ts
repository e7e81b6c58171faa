import { spawnSync, type ChildProcess } from 'node:child_process';
import { chownSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { freePort } from '../../lib/net/free-port';
import { spawnTied, stopChild, waitFor } from './child';

export const PG_BIN = '/usr/lib/postgresql/15/bin';

export type PostgresServer = { url: string; port: number; process: ChildProcess; restart(): Promise<void>; stop(): Promise<void> };

function accepts(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 1_000 });
  return client.connect().then(
    () => client.end().then(() => true),
    () => false,
  );
}

function ownedByPostgres(dir: string): void {
  const id = (flag: string) => Number(spawnSync('id', [flag, 'postgres'], { encoding: 'utf8' }).stdout.trim());
  mkdirSync(dir, { recursive: true });
  chownSync(dir, id('-u'), id('-g'));
}

/** A throwaway PostgreSQL 15 cluster (user postgres, durable defaults) in `dir`, tied to this process. */
export async function startPostgres(dir: string): Promise<PostgresServer> {
  const data = path.join(dir, 'pg');
  ownedByPostgres(dir);
  ownedByPostgres(data);
  const init = spawnSync('setpriv', ['--reuid', 'postgres', '--regid', 'postgres', '--init-groups', '--', `${PG_BIN}/initdb`, '-D', data, '-A', 'trust', '-U', 'postgres', '-E', 'UTF8', '--locale=C.UTF-8'], { encoding: 'utf8' });
  if (init.status !== 0) throw new Error(`initdb: ${init.stderr}`);
  const port = await freePort();
  const url = `postgresql://postgres@127.0.0.1:${port}/postgres`;
  const launch = () =>
    spawnTied(`${PG_BIN}/postgres`, ['-D', data, '-p', String(port), '-k', dir, '-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=300'], {
      user: 'postgres',
      deathSignal: 'SIGINT',
    });
  const server: PostgresServer = {
    url,
    port,
    process: launch(),
    async restart() {
      await stopChild(server.process, 10_000, 'SIGINT');
      server.process = launch();
      await waitFor('postgres', () => accepts(url), 30_000);
    },
    stop: () => stopChild(server.process, 10_000, 'SIGINT'),
  };
  await waitFor('postgres', () => accepts(url), 30_000);
  return server;
}
