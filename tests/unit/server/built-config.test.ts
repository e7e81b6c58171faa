import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { builtNextConfig, nextDistDir } from '@/lib/server/built-config';

describe('builtNextConfig', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  });

  function project(distDir: string, content: string): string {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'built-config-'));
    dirs.push(dir);
    mkdirSync(path.join(dir, distDir), { recursive: true });
    writeFileSync(path.join(dir, distDir, 'required-server-files.json'), content);
    return dir;
  }

  test('reads the configuration the build resolved, from NEXT_DIST_DIR when set', () => {
    const config = { distDir: '.next-e2e', compress: true, experimental: { preloadEntriesOnStart: false, other: 1 } };
    const dir = project('.next-e2e', JSON.stringify({ version: 1, config }));
    expect(builtNextConfig({ NEXT_DIST_DIR: '.next-e2e' }, dir)).toEqual(config);
    expect(builtNextConfig({}, dir)).toBeNull();
  });

  test('PRELOAD_ROUTES is read at start, not frozen at build time', () => {
    const dir = project('.next', JSON.stringify({ config: { experimental: { preloadEntriesOnStart: true } } }));
    expect(builtNextConfig({ PRELOAD_ROUTES: 'off' }, dir)?.experimental?.preloadEntriesOnStart).toBe(false);
    expect(builtNextConfig({}, dir)?.experimental?.preloadEntriesOnStart).toBe(false);
    expect(builtNextConfig({ PRELOAD_ROUTES: 'on' }, dir)?.experimental?.preloadEntriesOnStart).toBe(true);
  });

  test('a missing or damaged file leaves the loading to Next.js', () => {
    expect(builtNextConfig({}, project('.next', '{not json'))).toBeNull();
    expect(builtNextConfig({}, project('.next', JSON.stringify({ version: 1 })))).toBeNull();
    expect(nextDistDir({})).toBe('.next');
  });
});
