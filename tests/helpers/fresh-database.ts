import { inject } from 'vitest';
import { startEmbeddedServer } from '@/lib/db/embedded/owner';
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
