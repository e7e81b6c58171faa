import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { envSchema } from '@/lib/config/env-schema';

/**
 * docs/configuration.md tells the truth about the environment: every variable the code reads is documented there
 * (benchmark knobs in bench/README.md), and every variable documented there is read somewhere.
 */
const ROOT = path.resolve(__dirname, '../../..');

function sourceFiles(dir: string): string[] {
  const full = path.join(ROOT, dir);
  if (statSync(full).isFile()) return [full];
  return readdirSync(full, { withFileTypes: true }).flatMap((entry) => {
    if (['node_modules', 'generated', 'results', path.basename(__filename)].includes(entry.name)) return [];
    const child = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(child);
    return /\.(ts|tsx|mjs|js)$/.test(entry.name) ? [path.join(ROOT, child)] : [];
  });
}

/**
 * Variables a file reads: `process.env.X`, `process.env['X']`, and `env.X` where `env` is a parsed or copied
 * environment (lib/server/built-config.ts, scripts). Assignments (`env.X = …`, variables set for a child) are not reads.
 */
function readsIn(files: string[]): Map<string, string[]> {
  const found = new Map<string, string[]>();
  const pattern = /\b(?:process\.env|env)(?:\.([A-Z][A-Z0-9_]*)(?![\w$])|\[['"]([A-Z][A-Z0-9_]*)['"]\])(?!\s*=[^=])/g;
  for (const file of files) {
    for (const m of readFileSync(file, 'utf8').matchAll(pattern)) {
      const name = (m[1] ?? m[2])!;
      found.set(name, [...(found.get(name) ?? []), path.relative(ROOT, file)]);
    }
  }
  return found;
}

const backticked = (text: string) => new Set([...text.matchAll(/`([A-Z][A-Z0-9_]{2,})`/g)].map((m) => m[1]!));

// Variables of other tools, passed through or set for them: not the app's configuration.
const OTHER_TOOLS: Record<string, string> = {
  PATH: 'the launcher prepends node_modules/.bin for its children',
  FORCE_COLOR: 'the test runner keeps vitest colours',
  PRISMA_SCHEMA_ENGINE_BINARY: 'prisma generate runs without downloading its engine (scripts/prisma-generate.mjs)',
};
// Set by a benchmark for the helper server it starts (bench/lib/*-server.ts), never by a person.
const BENCH_CHILD: Record<string, string> = {
  FLOOR: 'bench:ingest tells baseline-server.ts which floor to measure',
  BODY_FILE: 'static-json-server.ts serves the file its benchmark wrote',
};

// scripts/test-all.ts (npm test) belongs with the tests: it reads TEST_DATABASE_URL.
const TEST_RUNNER = path.join(ROOT, 'scripts/test-all.ts');
const appFiles = ['lib', 'app', 'components', 'scripts', 'next.config.ts', 'proxy.ts', 'prisma.config.ts'].flatMap(sourceFiles);
const production = readsIn(appFiles.filter((file) => file !== TEST_RUNNER));
const toolsAndTests = readsIn([...['tests', 'bench', 'vitest.config.ts'].flatMap(sourceFiles), TEST_RUNNER]);
const configurationDoc = backticked(readFileSync(path.join(ROOT, 'docs/configuration.md'), 'utf8'));
const benchDoc = new Set(readFileSync(path.join(ROOT, 'bench/README.md'), 'utf8').match(/\bBENCH_[A-Z0-9_]+/g) ?? []);

const envExample = new Set([...readFileSync(path.join(ROOT, '.env.example'), 'utf8').matchAll(/^([A-Z][A-Z0-9_]*)=/gm)].map((m) => m[1]!));

describe('docs/configuration.md and .env.example', () => {
  test('documents every variable of the env schema', () => {
    expect(Object.keys(envSchema.shape).filter((name) => !configurationDoc.has(name))).toEqual([]);
  });

  test('documents every variable the app, the scripts and next.config.ts read', () => {
    const undocumented = [...production.keys()].filter((name) => !configurationDoc.has(name) && !(name in OTHER_TOOLS));
    expect(undocumented.map((name) => `${name} (${production.get(name)!.join(', ')})`)).toEqual([]);
  });

  test('documents the test variables; bench/README.md documents the benchmark knobs', () => {
    const undocumented = [...toolsAndTests.keys()].filter((name) => {
      if (name in BENCH_CHILD || name in OTHER_TOOLS) return false;
      return name.startsWith('BENCH_') ? !benchDoc.has(name) : !configurationDoc.has(name);
    });
    expect(undocumented.map((name) => `${name} (${toolsAndTests.get(name)!.join(', ')})`)).toEqual([]);
  });

  test('.env.example lists every variable of the app, and only those', () => {
    const app = new Set([...Object.keys(envSchema.shape), ...[...production.keys()].filter((name) => !(name in OTHER_TOOLS))]);
    expect([...app].filter((name) => !envExample.has(name))).toEqual([]);
    expect([...envExample].filter((name) => !app.has(name))).toEqual([]);
  });

  test('documents no variable that nothing reads', () => {
    const read = new Set([...Object.keys(envSchema.shape), ...production.keys(), ...toolsAndTests.keys()]);
    expect([...configurationDoc].filter((name) => !read.has(name))).toEqual([]);
    expect([...benchDoc].filter((name) => name.startsWith('BENCH_') && !read.has(name))).toEqual([]);
  });
});
