import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';

const INIT_SCRIPT = `
import { PGlite } from '@electric-sql/pglite';
const db = await PGlite.create(process.argv[1]);
await db.close();
`;

/**
 * Creates a new PGlite data folder in a short-lived child process. PGlite keeps the memory of its
 * initdb step for the life of the process that created the folder (about 400 MB resident,
 * bench:memory), so the long-lived owner only ever opens an existing folder.
 */
export function initDataDirInChild(pgdata: string): void {
  if (existsSync(path.join(pgdata, 'PG_VERSION'))) return;
  const result = spawnSync(process.execPath, ['--input-type=module', '-e', INIT_SCRIPT, pgdata], {
    stdio: ['ignore', 'ignore', 'pipe'],
    encoding: 'utf8',
  });
  if (result.status !== 0) throw new Error(`Création de la base embarquée impossible : ${result.stderr}`);
}
