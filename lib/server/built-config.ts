import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { NextConfig } from 'next';

/** The two variables read here, passed in by the entry points (next.config.ts, scripts/serve.ts). */
export type BuildEnv = { NEXT_DIST_DIR?: string; PRELOAD_ROUTES?: string; [name: string]: string | undefined };

/** The build folder of Next.js: `NEXT_DIST_DIR` (parallel test builds) or `.next`, as next.config.ts sets it. */
export function nextDistDir(env: BuildEnv): string {
  return env.NEXT_DIST_DIR || '.next';
}

/**
 * The configuration `next build` resolved and wrote to `<distDir>/required-server-files.json` (what Next's own
 * standalone server starts from), handed to Next.js in production (scripts/serve.ts): the server then neither transpiles
 * next.config.ts nor loads the SWC native binding (about 30 MB resident, bench:memory). Start-time settings that
 * next.config.ts reads from the environment are applied again here. Null when the file is missing or unreadable
 * (Next.js then loads next.config.ts itself).
 */
export function builtNextConfig(env: BuildEnv, dir = process.cwd()): NextConfig | null {
  let config: NextConfig;
  try {
    const manifest = JSON.parse(readFileSync(path.join(dir, nextDistDir(env), 'required-server-files.json'), 'utf8')) as { config?: NextConfig };
    if (!manifest.config || typeof manifest.config !== 'object') return null;
    config = manifest.config;
  } catch {
    return null;
  }
  return { ...config, experimental: { ...config.experimental, preloadEntriesOnStart: preloadRoutes(env) } };
}

/**
 * Route modules load on their first request unless `PRELOAD_ROUTES=on` loads them all at start (next.config.ts reads
 * it too). Off by default: about 35–40 MB less resident idle, and the first render of a page measured no slower
 * (bench/results/memory.md).
 */
export function preloadRoutes(env: BuildEnv): boolean {
  return env.PRELOAD_ROUTES === 'on';
}
