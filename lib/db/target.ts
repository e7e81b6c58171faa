import path from 'node:path';

export type DatabaseTarget =
  | { kind: 'postgresql'; url: string }
  | { kind: 'embedded-url'; url: string }
  | { kind: 'embedded'; dataDir: string };

/** The database a command is about to use, in words, without credentials (printed before acting). */
export function describeDatabaseTarget(target: DatabaseTarget): string {
  if (target.kind === 'embedded') return `base embarquée PGlite dans ${path.resolve(target.dataDir)}`;
  let where = 'adresse illisible';
  try {
    const url = new URL(target.url);
    where = `${url.hostname}${url.port ? `:${url.port}` : ''}/${decodeURIComponent(url.pathname.slice(1)) || 'postgres'}`;
  } catch {
    // A URL the driver would refuse anyway: say so rather than print it (it may hold a password).
  }
  return target.kind === 'postgresql'
    ? `base PostgreSQL ${where} (DATABASE_URL)`
    : `base embarquée déjà ouverte par l’application, ${where} (EMBEDDED_DATABASE_URL)`;
}

/** The target chosen from the environment, in the order the scripts use: DATABASE_URL, a running embedded server, DATA_DIR. */
export function databaseTargetOf(env: { DATABASE_URL?: string; EMBEDDED_DATABASE_URL?: string; DATA_DIR: string }): DatabaseTarget {
  if (env.DATABASE_URL) return { kind: 'postgresql', url: env.DATABASE_URL };
  if (env.EMBEDDED_DATABASE_URL) return { kind: 'embedded-url', url: env.EMBEDDED_DATABASE_URL };
  return { kind: 'embedded', dataDir: env.DATA_DIR };
}
