import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { applyMigrations, getMigrationState, MigrationError } from '@/lib/db/migrate/apply';
import { checksumOf, listMigrations } from '@/lib/db/migrate/migrations';
import { MIGRATIONS_DIR } from '@/lib/db/migrations-dir';
import { connectExecutor } from '@/lib/db/pg-executor';
import { freshDatabase } from '../../helpers/fresh-database';

describe('applyMigrations', () => {
  let db: Awaited<ReturnType<typeof freshDatabase>>;
  let executor: Awaited<ReturnType<typeof connectExecutor>>;
  const files = listMigrations(MIGRATIONS_DIR);

  beforeAll(async () => {
    db = await freshDatabase();
    executor = await connectExecutor(db.url);
  });
  afterAll(async () => {
    await executor.close();
    await db.drop();
  });

  test('applies every migration once and records it in _prisma_migrations', async () => {
    const first = await applyMigrations(executor, files);
    expect(first.applied).toEqual(files.map((f) => f.name));
    const rows = await executor.query<{ migration_name: string; checksum: string; applied_steps_count: number }>(
      'SELECT migration_name, checksum, applied_steps_count FROM "_prisma_migrations" ORDER BY migration_name',
    );
    expect(rows.map((r) => r.migration_name)).toEqual(files.map((f) => f.name));
    expect(rows.map((r) => r.checksum)).toEqual(files.map((f) => checksumOf(f.sql)));
  });

  test('is idempotent: a second run applies nothing', async () => {
    const again = await applyMigrations(executor, files);
    expect(again.applied).toEqual([]);
    expect((await getMigrationState(executor, files)).pending).toEqual([]);
  });

  test('refuses to run when an applied migration was edited (checksum mismatch)', async () => {
    const edited = files.map((f, i) => (i === 0 ? { ...f, sql: `${f.sql}\n-- edited`, checksum: checksumOf(`${f.sql}\n-- edited`) } : f));
    await expect(applyMigrations(executor, edited)).rejects.toMatchObject({ code: 'checksum_mismatch' });
    await expect(applyMigrations(executor, edited)).rejects.toBeInstanceOf(MigrationError);
  });

  test('refuses a database that has a migration the code does not know', async () => {
    await expect(getMigrationState(executor, files.slice(0, 0))).rejects.toMatchObject({ code: 'unknown_migration' });
  });

  test('records a failed migration and refuses to continue until repaired', async () => {
    const broken = [...files, { name: '99990101000000_broken', sql: 'CREATE TABLE broken (;', checksum: checksumOf('x') }];
    await expect(applyMigrations(executor, broken)).rejects.toMatchObject({ code: 'failed_migration' });
    await expect(getMigrationState(executor, broken)).rejects.toMatchObject({ code: 'failed_migration' });
    const tables = await executor.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM information_schema.tables WHERE table_name = 'broken'",
    );
    expect(tables[0]?.n).toBe(0);
  });
});
