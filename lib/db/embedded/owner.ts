import { randomBytes } from 'node:crypto';
import { chmodSync, closeSync, existsSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';

import { acceptsConnections } from '../../net/free-port';
import { initDataDirInChild } from './init-data-dir';
import { embeddedUrl, type OwnerInfo } from './owner-url';
import { SessionQueue } from './session-queue';

export type EmbeddedServer = { url: string; owned: boolean; stop(): Promise<void> };

const OWNER_FILE = 'owner.json';
const MAX_CONNECTIONS = 64;
/** PGlite's own default is 128MB, touched at start; 32MB keeps the launcher lean (bench:memory). */
export const DEFAULT_SHARED_BUFFERS = '32MB';

/** PGlite's start parameters with our memory settings appended (a later `-c` wins). */
export function embeddedStartParams(sharedBuffers: string): string[] {
  return [...PGlite.defaultStartParams, '-c', `shared_buffers=${sharedBuffers}`, '-c', 'wal_buffers=4MB'];
}

/** The library's server with our session-safe, authenticating queue in place of its own (version pinned). */
function createSocketServer(db: PGlite, port: number, password: string): PGLiteSocketServer {
  const server = new PGLiteSocketServer({ db, port, host: '127.0.0.1', maxConnections: MAX_CONNECTIONS });
  const internals = server as unknown as { queryQueue?: unknown };
  if (!internals.queryQueue) {
    throw new Error('@electric-sql/pglite-socket changed: its query queue can no longer be replaced safely.');
  }
  internals.queryQueue = new SessionQueue(db, password);
  return server;
}

/** The port the kernel gave: with port 0 the library reads it back from its listener once started. */
function listeningPort(server: PGLiteSocketServer): number {
  const port = Number(server.getServerConn().split(':').pop());
  if (!Number.isInteger(port) || port <= 0) throw new Error(`embedded server: no port in ${server.getServerConn()}`);
  return port;
}

function newPassword(): string {
  return randomBytes(24).toString('base64url');
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** The running owner of this data folder, if any (another `npm start`, `npm run dev`…). */
export async function findRunningOwner(dataDir: string): Promise<OwnerInfo | null> {
  const file = path.join(dataDir, OWNER_FILE);
  if (!existsSync(file)) return null;
  try {
    const info = JSON.parse(readFileSync(file, 'utf8')) as OwnerInfo;
    if (typeof info.password !== 'string') return null;
    if (isAlive(info.pid) && (await acceptsConnections(info.port))) return info;
  } catch {
    return null;
  }
  return null;
}


function takeLock(dataDir: string): () => void {
  const lock = path.join(dataDir, 'owner.lock');
  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      const fd = openSync(lock, 'wx', 0o600);
      writeFileSync(fd, String(process.pid));
      closeSync(fd);
      return () => rmSync(lock, { force: true });
    } catch {
      const pid = Number(readFileSync(lock, 'utf8'));
      if (Number.isFinite(pid) && pid > 0 && isAlive(pid) && pid !== process.pid) {
        throw new Error(
          `La base embarquée ${dataDir} est déjà ouverte par le processus ${pid}. / Embedded database already owned by pid ${pid}.`,
        );
      }
      rmSync(lock, { force: true });
    }
  }
  throw new Error(`Impossible de verrouiller ${dataDir}. / Could not lock the data folder.`);
}

/**
 * Opens the embedded PostgreSQL (PGlite) of `dataDir` and serves it on 127.0.0.1, so that every
 * process (Next.js server, build workers, scripts) talks to one owner. Reuses a running owner.
 */
export async function startEmbeddedServer(opts: {
  dataDir: string;
  port?: number;
  sharedBuffers?: string;
}): Promise<EmbeddedServer> {
  if (opts.dataDir === 'memory://') return startMemoryServer(opts.port);
  const dataDir = path.resolve(opts.dataDir);
  // The folder holds the data, sessions' secret and the connection password: its owner only.
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  chmodSync(dataDir, 0o700);
  const running = await findRunningOwner(dataDir);
  if (running) return { url: embeddedUrl(running.port, running.password), owned: false, stop: async () => {} };

  const release = takeLock(dataDir);
  initDataDirInChild(path.join(dataDir, 'pgdata'));
  const db = await PGlite.create(path.join(dataDir, 'pgdata'), {
    startParams: embeddedStartParams(opts.sharedBuffers ?? DEFAULT_SHARED_BUFFERS),
  });
  const password = newPassword();
  const server = createSocketServer(db, opts.port ?? 0, password);
  await server.start();
  const port = listeningPort(server);
  const info: OwnerInfo = { pid: process.pid, port, password, startedAt: new Date().toISOString() };
  writeFileSync(path.join(dataDir, OWNER_FILE), JSON.stringify(info), { mode: 0o600 });
  chmodSync(path.join(dataDir, OWNER_FILE), 0o600);
  let stopped = false;
  return {
    url: embeddedUrl(port, password),
    owned: true,
    async stop() {
      if (stopped) return;
      stopped = true;
      await server.stop();
      await db.close();
      rmSync(path.join(dataDir, OWNER_FILE), { force: true });
      release();
    },
  };
}

/** A throwaway in-memory PGlite served on 127.0.0.1 (tests, benchmarks). */
async function startMemoryServer(port?: number): Promise<EmbeddedServer> {
  const db = await PGlite.create();
  const password = newPassword();
  const server = createSocketServer(db, port ?? 0, password);
  await server.start();
  const actualPort = listeningPort(server);
  return {
    url: embeddedUrl(actualPort, password),
    owned: true,
    async stop() {
      await server.stop();
      await db.close();
    },
  };
}
