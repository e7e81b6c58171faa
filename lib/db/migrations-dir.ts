import path from 'node:path';

export const MIGRATIONS_DIR = path.resolve(process.cwd(), 'prisma/migrations');
