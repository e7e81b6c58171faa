import 'server-only';
import { env } from '@/lib/env';
import type { PrismaClient } from '@/lib/generated/prisma/client';
import { AppError } from '@/lib/domain/errors';
import { resolveDatabase } from './connection';
import { createPrismaClient } from './create-client';

export type Db = PrismaClient;

const cache = globalThis as unknown as { __db?: { client: PrismaClient; url: string } };

/** The database of lib/env.ts; `unavailable` while the embedded server is not started. */
export function requireDatabaseTarget(): { kind: 'embedded' | 'postgresql'; url: string } {
  const target = resolveDatabase(env);
  if (!target.url) {
    throw new AppError(
      'unavailable',
      'La base de données embarquée n’est pas démarrée : lancez l’application avec « npm start » ou « npm run dev ».',
      { retryAfterSeconds: 5 },
    );
  }
  return { kind: target.kind, url: target.url };
}

/** The process-wide Prisma client (PostgreSQL or the embedded server), created on first use. */
export function getDb(): PrismaClient {
  const target = requireDatabaseTarget();
  if (cache.__db && cache.__db.url === target.url) return cache.__db.client;
  const client = createPrismaClient({
    url: target.url,
    kind: target.kind,
    poolMax: env.DB_POOL_MAX,
    timeoutMs: env.DB_TIMEOUT_MS,
  });
  cache.__db = { client, url: target.url };
  return client;
}

export function getDatabaseKind(): 'embedded' | 'postgresql' {
  return resolveDatabase(env).kind;
}
