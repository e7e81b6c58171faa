import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, test } from 'vitest';
import { DEFAULT_SHARED_BUFFERS, embeddedStartParams, startEmbeddedServer } from '@/lib/db/embedded/owner';

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

async function show(url: string, setting: 'shared_buffers' | 'wal_buffers' | 'search_path'): Promise<string> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<Record<string, string>>(`SHOW ${setting}`);
    return Object.values(rows[0] ?? {})[0] ?? '';
  } finally {
    await client.end();
  }
}

describe('embeddedStartParams', () => {
  test('keeps PGlite’s own parameters and appends the memory settings after them', () => {
    const params = embeddedStartParams('16MB');
    expect(params.slice(0, 2)).toEqual(['--single', '-F']);
    expect(params).toContain('search_path=public');
    expect(params.slice(-4)).toEqual(['-c', 'shared_buffers=16MB', '-c', 'wal_buffers=4MB']);
  });
});

describe('startEmbeddedServer memory settings', () => {
  test('an on-disk database runs with the configured shared buffers, and the lean default otherwise', async () => {
    for (const [sharedBuffers, expected] of [['16MB', '16MB'], [undefined, DEFAULT_SHARED_BUFFERS]] as const) {
      const dataDir = mkdtempSync(path.join(tmpdir(), 'ecole-embedded-memory-'));
      dirs.push(dataDir);
      const server = await startEmbeddedServer({ dataDir, sharedBuffers });
      try {
        expect(await show(server.url, 'shared_buffers')).toBe(expected);
        expect(await show(server.url, 'wal_buffers')).toBe('4MB');
        expect(await show(server.url, 'search_path')).toBe('public');
      } finally {
        await server.stop();
      }
    }
  }, 120_000);
});
