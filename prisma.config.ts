import { defineConfig } from 'prisma/config';

export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations', seed: 'node --import tsx scripts/db-migrate.ts --seed' },
  datasource: { url: process.env.DATABASE_URL ?? 'postgresql://localhost:5432/ecole_en_panne' },
});
