import type { ChildProcess } from 'node:child_process';
import pg from 'pg';
import { prepareDatabase } from '../../lib/setup/prepare-database';

/**
 * An empty database `name` on the PostgreSQL server at `serverUrl` (its `postgres` database), dropped
 * first if a previous run left it; migrated and seeded unless `migrate` is false. Returns its URL.
 */
export async function createFreshDatabase(serverUrl: string, name: string, opts: { migrate?: boolean } = {}): Promise<string> {
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = serverUrl.replace(/\/postgres$/, `/${name}`);
  if (opts.migrate !== false) await prepareDatabase({ url, kind: 'postgresql' });
  return url;
}

/** Sends `message` to a forked helper and resolves with its first reply of type `reply`. */
export function askChild<T>(child: ChildProcess, message: object, reply: string): Promise<T> {
  return new Promise((resolve) => {
    const onMessage = (m: { type: string }) => {
      if (m.type !== reply) return;
      child.off('message', onMessage);
      resolve(m as T);
    };
    child.on('message', onMessage);
    child.send(message);
  });
}
