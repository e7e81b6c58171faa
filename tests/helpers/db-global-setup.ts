import type { TestProject } from 'vitest/node';
import { startEmbeddedServer } from '@/lib/db/embedded/owner';
import { prepareDatabase } from '@/lib/setup/prepare-database';
import { createTestPostgresDatabase } from './postgres';

declare module 'vitest' {
  export interface ProvidedContext {
    databaseUrl: string;
    databaseKind: 'embedded' | 'postgresql';
  }
}

/** Starts the back end named by TEST_DB (pglite by default, or postgresql from TEST_DATABASE_URL), migrated and seeded. */
export default async function setup(project: TestProject) {
  const target = process.env.TEST_DB === 'postgresql' ? 'postgresql' : 'embedded';
  if (target === 'postgresql') {
    const adminUrl = process.env.TEST_DATABASE_URL;
    if (!adminUrl) throw new Error('TEST_DB=postgresql needs TEST_DATABASE_URL');
    const db = await createTestPostgresDatabase(adminUrl);
    await prepareDatabase({ url: db.url, kind: 'postgresql' });
    project.provide('databaseUrl', db.url);
    project.provide('databaseKind', 'postgresql');
    return () => db.drop();
  }
  const server = await startEmbeddedServer({ dataDir: 'memory://' });
  await prepareDatabase({ url: server.url, kind: 'embedded' });
  project.provide('databaseUrl', server.url);
  project.provide('databaseKind', 'embedded');
  return () => server.stop();
}
