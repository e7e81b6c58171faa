import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { embeddedUrl, type OwnerInfo } from './embedded/owner-url';

export type DatabaseTarget = { kind: 'postgresql' | 'embedded'; url: string | null };

/** The settings of lib/env that choose the database. */
export type DatabaseEnv = { DATABASE_URL?: string; EMBEDDED_DATABASE_URL?: string; DATA_DIR: string };

/** DATABASE_URL wins; otherwise the embedded server started by `npm start` / `npm run dev`. */
export function resolveDatabase(env: DatabaseEnv): DatabaseTarget {
  if (env.DATABASE_URL) return { kind: 'postgresql', url: env.DATABASE_URL };
  if (env.EMBEDDED_DATABASE_URL) return { kind: 'embedded', url: env.EMBEDDED_DATABASE_URL };
  const ownerFile = path.resolve(env.DATA_DIR, 'owner.json');
  if (existsSync(ownerFile)) {
    try {
      const info = JSON.parse(readFileSync(ownerFile, 'utf8')) as OwnerInfo;
      return { kind: 'embedded', url: typeof info.password === 'string' ? embeddedUrl(info.port, info.password) : null };
    } catch {
      return { kind: 'embedded', url: null };
    }
  }
  return { kind: 'embedded', url: null };
}
