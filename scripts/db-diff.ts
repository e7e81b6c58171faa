// Offline `prisma migrate diff`: SQL that takes the database from the existing migrations
// (replayed on a throwaway in-memory PGlite) to prisma/schema.prisma.
// Usage: npm run db:diff -- <migration_name>   (writes prisma/migrations/<ts>_<name>/migration.sql)
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { createRequire } from 'node:module';
import * as engineBindings from '@prisma/schema-engine-wasm/schema_engine_bg';
import { bindMigrationAwareSqlAdapterFactory } from '@prisma/driver-adapter-utils';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import { listMigrations } from "../lib/db/migrate/migrations";

// Node cannot `import` a .wasm file: instantiate the wasm-bindgen module by hand.
async function loadSchemaEngine() {
  const entry = createRequire(import.meta.url).resolve('@prisma/schema-engine-wasm');
  const wasmPath = path.join(path.dirname(entry), 'schema_engine_bg.wasm');
  const { instance } = await WebAssembly.instantiate(readFileSync(wasmPath), {
    './schema_engine_bg.js': engineBindings as unknown as WebAssembly.ModuleImports,
  });
  const exports = instance.exports as WebAssembly.Exports & { __wbindgen_start: () => void };
  engineBindings.__wbg_set_wasm(exports);
  exports.__wbindgen_start();
  return engineBindings.SchemaEngine;
}

async function main() {
  const name = process.argv[2];
  if (!name || !/^[a-z0-9_]+$/.test(name)) {
    console.error('Usage : npm run db:diff -- <nom_en_snake_case>');
    process.exit(2);
  }
  const root = process.cwd();
  const schema = readFileSync(path.join(root, 'prisma/schema.prisma'), 'utf8');
  const migrations = listMigrations(path.join(root, 'prisma/migrations'));
  const db = new PGlite();
  for (const m of migrations) await db.exec(m.sql);
  const adapter = bindMigrationAwareSqlAdapterFactory(new PrismaPGlite(db));
  const SchemaEngine = await loadSchemaEngine();
  const engine = await SchemaEngine.new(
    { datamodels: [['schema.prisma', schema]] },
    () => {},
    adapter,
  );
  const result = await engine.diff({
    from:
      migrations.length === 0
        ? { tag: 'empty' }
        : { tag: 'schemaDatasource', files: [{ path: 'schema.prisma', content: schema }], configDir: root },
    to: { tag: 'schemaDatamodel', files: [{ path: 'schema.prisma', content: schema }] },
    script: true,
    exitCode: null,
    filters: { externalTables: [], externalEnums: [] },
  });
  const sql = result.stdout ?? '';
  if (!sql.trim() || /^-- This is an empty migration/.test(sql.trim())) {
    console.log('Aucune différence entre les migrations et le schéma.');
    return;
  }
  const stamp = new Date().toISOString().replace(/[-:T]/g, '').slice(0, 14);
  const dir = path.join(root, 'prisma/migrations', `${stamp}_${name}`);
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'migration.sql'), sql);
  console.log(`Écrit ${path.relative(root, dir)}/migration.sql`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
