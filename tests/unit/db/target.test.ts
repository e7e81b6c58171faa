import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { databaseTargetOf, describeDatabaseTarget } from '@/lib/db/target';

describe('describeDatabaseTarget', () => {
  test('names host, port and database of PostgreSQL but never the password', () => {
    const text = describeDatabaseTarget({ kind: 'postgresql', url: 'postgresql://app:s3cret@db.internal:5433/ecole' });
    expect(text).toBe('base PostgreSQL db.internal:5433/ecole (DATABASE_URL)');
    expect(text).not.toContain('s3cret');
  });

  test('gives the absolute folder of the embedded database', () => {
    expect(describeDatabaseTarget({ kind: 'embedded', dataDir: './.data-demo' })).toBe(`base embarquée PGlite dans ${path.resolve('.data-demo')}`);
  });

  test('does not print an unreadable URL', () => {
    expect(describeDatabaseTarget({ kind: 'postgresql', url: 'pas une url:secret' })).toBe('base PostgreSQL adresse illisible (DATABASE_URL)');
  });
});

describe('databaseTargetOf', () => {
  test('prefers DATABASE_URL, then a running embedded server, then DATA_DIR', () => {
    expect(databaseTargetOf({ DATABASE_URL: 'postgresql://h/d', DATA_DIR: '.data' }).kind).toBe('postgresql');
    expect(databaseTargetOf({ EMBEDDED_DATABASE_URL: 'postgresql://h/d', DATA_DIR: '.data' }).kind).toBe('embedded-url');
    expect(databaseTargetOf({ DATA_DIR: '.data' })).toEqual({ kind: 'embedded', dataDir: '.data' });
  });
});
