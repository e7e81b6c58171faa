import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, inject, test, vi } from 'vitest';
import { createPrismaClient } from '@/lib/db/create-client';

const db = createPrismaClient({ url: inject('databaseUrl'), kind: inject('databaseKind') });
const dir = mkdtempSync(path.join(tmpdir(), 'auth-secret-'));
const saved = { secretsDir: process.env.SECRETS_DIR, nextauth: process.env.NEXTAUTH_SECRET };

afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  if (saved.secretsDir === undefined) delete process.env.SECRETS_DIR;
  else process.env.SECRETS_DIR = saved.secretsDir;
  if (saved.nextauth !== undefined) process.env.NEXTAUTH_SECRET = saved.nextauth;
  delete (globalThis as { __auth?: unknown }).__auth;
  await db.$disconnect();
});

describe('session-signing secret', () => {
  test('a secret found in the database moves to a 0600 file and leaves the database', async () => {
    const legacy = 'legacy-session-secret-'.padEnd(43, 'x');
    await db.setting.upsert({ where: { key: 'nextauth_secret' }, create: { key: 'nextauth_secret', value: legacy }, update: { value: legacy } });
    vi.resetModules();
    process.env.SECRETS_DIR = dir;
    delete process.env.NEXTAUTH_SECRET;
    delete (globalThis as { __auth?: unknown }).__auth;
    const { getAuthSecret } = await import('@/lib/auth/runtime');
    expect(await getAuthSecret()).toBe(legacy);
    expect(readFileSync(path.join(dir, 'auth-secret'), 'utf8').trim()).toBe(legacy);
    expect(await db.setting.findUnique({ where: { key: 'nextauth_secret' } })).toBeNull();
    const dump = JSON.stringify(await db.setting.findMany());
    expect(dump).not.toContain(legacy);
  });
});
