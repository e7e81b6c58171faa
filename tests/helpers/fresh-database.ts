import { inject } from 'vitest';
import { createPrismaClient } from '@/lib/db/create-client';
import { startEmbeddedServer } from '@/lib/db/embedded/owner';
import { prepareDatabase } from '@/lib/setup/prepare-database';
import type { PrismaClient } from '@/lib/generated/prisma/client';
import { createTestPostgresDatabase } from './postgres';

/** An empty database of the suite's kind (not migrated), for migration tests. */
export async function freshDatabase(): Promise<{ url: string; kind: 'embedded' | 'postgresql'; drop(): Promise<void> }> {
  if (inject('databaseKind') === 'postgresql') {
    const adminUrl = process.env.TEST_DATABASE_URL;
    if (!adminUrl) throw new Error('TEST_DATABASE_URL missing');
    const db = await createTestPostgresDatabase(adminUrl);
    return { url: db.url, kind: 'postgresql', drop: () => db.drop() };
  }
  const server = await startEmbeddedServer({ dataDir: 'memory://' });
  return { url: server.url, kind: 'embedded', drop: () => server.stop() };
}

/** A fresh database of the suite's kind, migrated and seeded, with its client; `close()` disconnects and drops it. */
export async function preparedDatabase(): Promise<{ db: PrismaClient; close(): Promise<void> }> {
  const fresh = await freshDatabase();
  await prepareDatabase({ url: fresh.url, kind: fresh.kind });
  const db = createPrismaClient({ url: fresh.url, kind: fresh.kind, timeoutMs: 60_000 });
  return {
    db,
    async close() {
      await db.$disconnect();
      await fresh.drop();
    },
  };
}
