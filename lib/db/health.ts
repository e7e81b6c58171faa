import 'server-only';
import { compareMigrations, type AppliedRow } from './migrate/apply';
import { listMigrations } from './migrate/migrations';
import { MIGRATIONS_DIR } from './migrations-dir';
import { getDb, getDatabaseKind } from './client';

export type DatabaseHealth = {
  kind: 'embedded' | 'postgresql';
  reachable: boolean;
  migrations: { applied: number; pending: string[]; latest: string | null; error?: string };
};

/** Checks connectivity and compares the database's `_prisma_migrations` with prisma/migrations. */
export async function checkDatabase(): Promise<DatabaseHealth> {
  const db = getDb();
  const files = listMigrations(MIGRATIONS_DIR);
  const kind = getDatabaseKind();
  try {
    const rows = await db.$queryRaw<AppliedRow[]>`
      SELECT migration_name, checksum, finished_at, rolled_back_at FROM "_prisma_migrations"
      WHERE rolled_back_at IS NULL ORDER BY started_at`;
    const state = compareMigrations(rows, files);
    return {
      kind,
      reachable: true,
      migrations: { applied: state.applied.length, pending: state.pending, latest: state.applied.at(-1) ?? null },
    };
  } catch (error) {
    if (error instanceof Error && error.name === 'MigrationError') {
      return { kind, reachable: true, migrations: { applied: 0, pending: [], latest: null, error: error.message } };
    }
    throw error;
  }
}
