import { randomUUID } from 'node:crypto';
import type { MigrationFile } from './migrations';

/** The two calls the runner needs; both `pg` clients and PGlite provide them. */
export type SqlExecutor = {
  query<T>(sql: string, params?: unknown[]): Promise<T[]>;
  exec(sql: string): Promise<void>;
};

export type MigrationState = {
  applied: string[];
  pending: string[];
};

export class MigrationError extends Error {
  constructor(
    readonly code: 'checksum_mismatch' | 'failed_migration' | 'unknown_migration',
    message: string,
  ) {
    super(message);
    this.name = 'MigrationError';
  }
}

export type AppliedRow = {
  migration_name: string;
  checksum: string;
  finished_at: Date | null;
  rolled_back_at: Date | null;
};

// Same key as Prisma Migrate, so our runner and `prisma migrate deploy` never run at once.
const ADVISORY_LOCK_KEY = 72707369;

const BOOKKEEPING_DDL = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id" VARCHAR(36) PRIMARY KEY NOT NULL,
  "checksum" VARCHAR(64) NOT NULL,
  "finished_at" TIMESTAMPTZ,
  "migration_name" VARCHAR(255) NOT NULL,
  "logs" TEXT,
  "rolled_back_at" TIMESTAMPTZ,
  "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
  "applied_steps_count" INTEGER NOT NULL DEFAULT 0
)`;

async function readApplied(db: SqlExecutor): Promise<AppliedRow[]> {
  const exists = await db.query<{ exists: boolean }>(
    `SELECT to_regclass('"_prisma_migrations"') IS NOT NULL AS "exists"`,
  );
  if (!exists[0]?.exists) return [];
  return db.query<AppliedRow>(
    `SELECT migration_name, checksum, finished_at, rolled_back_at FROM "_prisma_migrations"
     WHERE rolled_back_at IS NULL ORDER BY started_at`,
  );
}

export async function getMigrationState(
  db: SqlExecutor,
  migrations: MigrationFile[],
): Promise<MigrationState> {
  return compareMigrations(await readApplied(db), migrations);
}

/** Compares the database's bookkeeping with the migration files; throws on any divergence. */
export function compareMigrations(rows: AppliedRow[], migrations: MigrationFile[]): MigrationState {
  const byName = new Map(migrations.map((m) => [m.name, m]));
  for (const row of rows) {
    const file = byName.get(row.migration_name);
    if (!row.finished_at) {
      throw new MigrationError(
        'failed_migration',
        `La migration « ${row.migration_name} » a échoué lors d’une exécution précédente : réparez la base puis marquez-la comme annulée. / Migration ${row.migration_name} previously failed.`,
      );
    }
    if (!file) {
      throw new MigrationError(
        'unknown_migration',
        `La base contient la migration « ${row.migration_name} », absente de prisma/migrations : cette version du code est plus ancienne que la base. / Unknown applied migration ${row.migration_name}.`,
      );
    }
    if (file.checksum !== row.checksum) {
      throw new MigrationError(
        'checksum_mismatch',
        `La migration « ${row.migration_name} » a été modifiée après son application (somme de contrôle différente). Ne modifiez jamais une migration appliquée : ajoutez-en une nouvelle. / Checksum mismatch for ${row.migration_name}.`,
      );
    }
  }
  const applied = new Set(rows.map((r) => r.migration_name));
  return {
    applied: migrations.filter((m) => applied.has(m.name)).map((m) => m.name),
    pending: migrations.filter((m) => !applied.has(m.name)).map((m) => m.name),
  };
}

/** Applies pending migrations, each in its own transaction, with Prisma's `_prisma_migrations` bookkeeping. */
export async function applyMigrations(
  db: SqlExecutor,
  migrations: MigrationFile[],
): Promise<{ applied: string[] }> {
  await db.query('SELECT pg_advisory_lock($1)', [ADVISORY_LOCK_KEY]);
  try {
    await db.exec(BOOKKEEPING_DDL);
    const state = await getMigrationState(db, migrations);
    const done: string[] = [];
    for (const name of state.pending) {
      const migration = migrations.find((m) => m.name === name);
      if (!migration) continue;
      await applyOne(db, migration);
      done.push(name);
    }
    return { applied: done };
  } finally {
    await db.query('SELECT pg_advisory_unlock($1)', [ADVISORY_LOCK_KEY]);
  }
}

async function applyOne(db: SqlExecutor, migration: MigrationFile): Promise<void> {
  const id = randomUUID();
  await db.query(
    `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, applied_steps_count)
     VALUES ($1, $2, $3, now(), 0)`,
    [id, migration.checksum, migration.name],
  );
  try {
    await db.exec(`BEGIN;\n${migration.sql}\n;COMMIT;`);
  } catch (error) {
    await db.exec('ROLLBACK').catch(() => {});
    const message = error instanceof Error ? error.message : String(error);
    await db.query(`UPDATE "_prisma_migrations" SET logs = $2 WHERE id = $1`, [id, message]);
    throw new MigrationError(
      'failed_migration',
      `Échec de la migration « ${migration.name} » : ${message} / Migration ${migration.name} failed.`,
    );
  }
  await db.query(
    `UPDATE "_prisma_migrations" SET finished_at = now(), applied_steps_count = 1 WHERE id = $1`,
    [id],
  );
}
