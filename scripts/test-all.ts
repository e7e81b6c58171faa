// `npm test`: type check, unit tests, integration tests on PGlite (always) and PostgreSQL
// (when TEST_DATABASE_URL is set), then browser tests on a production build (when Chromium is found).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { findChromium } from '../tests/helpers/chromium-path';

type Outcome = { name: string; passed: number; failed: number; skipped: number; ok: boolean; note?: string };

const RESULTS = '.test-results';
rmSync(RESULTS, { recursive: true, force: true });
mkdirSync(RESULTS, { recursive: true });
const baseEnv = { ...process.env, NEXT_TELEMETRY_DISABLED: '1', FORCE_COLOR: process.env.FORCE_COLOR ?? '1' };
const outcomes: Outcome[] = [];

function run(cmd: string, args: string[], env: NodeJS.ProcessEnv = baseEnv): boolean {
  console.log(`\n▶ ${cmd} ${args.join(' ')}`);
  return spawnSync(cmd, args, { stdio: 'inherit', env }).status === 0;
}

function vitest(name: string, project: string, env: Record<string, string> = {}): void {
  const file = `${RESULTS}/${name}.json`;
  const ok = run('npx', ['vitest', 'run', '--project', project, '--reporter=default', '--reporter=json', `--outputFile=${file}`], {
    ...baseEnv,
    ...env,
  });
  if (!existsSync(file)) {
    outcomes.push({ name, passed: 0, failed: 1, skipped: 0, ok: false, note: 'le lanceur a échoué' });
    return;
  }
  const report = JSON.parse(readFileSync(file, 'utf8')) as {
    numPassedTests: number;
    numFailedTests: number;
    numPendingTests: number;
    numTodoTests: number;
  };
  outcomes.push({
    name,
    passed: report.numPassedTests,
    failed: report.numFailedTests,
    skipped: report.numPendingTests + report.numTodoTests,
    ok: ok && report.numFailedTests === 0,
  });
}

if (!existsSync('lib/generated/prisma/client.ts')) run('npm', ['run', 'db:generate']);
const typecheck = run('npx', ['tsc', '--noEmit', '-p', '.']);
outcomes.push({ name: 'typecheck', passed: typecheck ? 1 : 0, failed: typecheck ? 0 : 1, skipped: 0, ok: typecheck });
vitest('unit', 'unit');
vitest('integration-pglite', 'integration', { TEST_DB: 'pglite' });
if (process.env.TEST_DATABASE_URL) {
  vitest('integration-postgresql', 'integration', { TEST_DB: 'postgresql' });
} else {
  outcomes.push({ name: 'integration-postgresql', passed: 0, failed: 0, skipped: 0, ok: true, note: 'TEST_DATABASE_URL absent : ignoré' });
}
const chromium = findChromium();
if (chromium) {
  const built = run('npm', ['run', 'build']);
  if (built) vitest('browser', 'e2e', { CHROMIUM_PATH: chromium });
  else outcomes.push({ name: 'browser', passed: 0, failed: 1, skipped: 0, ok: false, note: 'next build a échoué' });
} else {
  outcomes.push({ name: 'browser', passed: 0, failed: 0, skipped: 0, ok: true, note: 'Chromium introuvable : ignoré' });
}

console.log('\nsuite                     passed  failed  skipped');
for (const o of outcomes) {
  console.log(`${o.name.padEnd(24)} ${String(o.passed).padStart(7)} ${String(o.failed).padStart(7)} ${String(o.skipped).padStart(8)}${o.note ? `  (${o.note})` : ''}`);
}
const total = outcomes.reduce((acc, o) => ({ p: acc.p + o.passed, f: acc.f + o.failed, s: acc.s + o.skipped }), { p: 0, f: 0, s: 0 });
console.log(`\n${total.p} passed, ${total.f} failed, ${total.s} skipped`);
process.exit(outcomes.every((o) => o.ok) ? 0 : 1);
