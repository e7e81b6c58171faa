import { inject } from 'vitest';

// Runs in each test worker before the test file is imported, so lib/env sees the test database.
const url = inject('databaseUrl');
if (inject('databaseKind') === 'postgresql') {
  process.env.DATABASE_URL = url;
} else {
  delete process.env.DATABASE_URL;
  process.env.EMBEDDED_DATABASE_URL = url;
}
process.env.DB_TIMEOUT_MS ??= '2500';
process.env.POW_MODE ??= 'off';
