// The moderation queue read as a moderator's browser does: the production app (a build in NEXT_DIST_DIR)
// on the bench's PostgreSQL, a signed-in moderator session (cookie minted like the integration tests do).
import { existsSync } from 'node:fs';
import path from 'node:path';
import { encode } from 'next-auth/jwt';
import { hashToken, randomToken } from '../../lib/auth/tokens';
import type { getDb } from '../../lib/db/client';
import { createSessionRow, createUserRow } from '../../lib/db/users';
import { ensureServerBuild } from '../../scripts/app-command';
import { startApp, stop } from './app-server';

export const BENCH_AUTH_SECRET = 'bench-moderation-secret-0123456789abcdef0123456789';

export type ModerationApp = { base: string; cookie: string; stop(): Promise<void> };

/** Null when there is no production build to serve (the HTTP rows are then left out, and said so). */
export async function startModerationApp(db: ReturnType<typeof getDb>, url: string): Promise<ModerationApp | null> {
  const distDir = process.env.NEXT_DIST_DIR || '.next';
  if (!existsSync(path.join(distDir, 'BUILD_ID'))) return null;
  ensureServerBuild();
  const user = await db.$transaction((tx) => createUserRow(tx, { email: 'bench-moderator@bench.example', name: null, roles: ['moderator'], passwordHash: null }));
  const sid = randomToken();
  await createSessionRow(db, { tokenHash: hashToken(sid), userId: user.id, expires: new Date(Date.now() + 3_600_000), mfaVerifiedAt: new Date() });
  const jwt = await encode({ token: { sub: user.id, sid }, secret: BENCH_AUTH_SECRET });
  const server = await startApp({ DATABASE_URL: url, NEXTAUTH_SECRET: BENCH_AUTH_SECRET, NEXT_DIST_DIR: distDir, DETECTOR: 'off', DB_POOL_MAX: '10' });
  return { base: `http://127.0.0.1:${server.port}`, cookie: `next-auth.session-token=${jwt}`, stop: () => stop(server.child) };
}

/** One GET as the moderator; throws unless 200 (a bench must not time error pages). */
export async function getAsModerator(app: ModerationApp, pathAndQuery: string): Promise<void> {
  const res = await fetch(`${app.base}${pathAndQuery}`, { headers: { cookie: app.cookie } });
  await res.arrayBuffer();
  if (res.status !== 200) throw new Error(`GET ${pathAndQuery}: ${res.status}`);
}
