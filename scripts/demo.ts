// `npm run demo`: a fresh embedded database (DATA_DIR, default ./.data-demo) filled by the simulator —
// the 6 April 2021 morning (replay) and the last two weeks up to now with an outage under way —
// detection run over both, then the app served on PORT (default 3000).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import path from 'node:path';
import { APP_SERVER_ARGS, ensureServerBuild } from './app-command';
import { describeDatabaseTarget } from '../lib/db/target';
import { createDemoDatabase } from './demo-data';

async function main() {
  const log = (line: string) => console.log(`[démo] ${line}`);
  const dataDir = path.resolve(process.env.DATA_DIR || '.data-demo');
  log(`${describeDatabaseTarget({ kind: 'embedded', dataDir })} (recréée ; compte admin : npm run admin:create -- <e-mail> --demo)`);
  rmSync(dataDir, { recursive: true, force: true });
  await createDemoDatabase(dataDir, log);
  if (!existsSync(path.join(process.env.NEXT_DIST_DIR || '.next', 'BUILD_ID'))) {
    const build = spawnSync('npm', ['run', 'build'], { stdio: 'inherit' });
    if (build.status !== 0) process.exit(build.status ?? 1);
  }
  ensureServerBuild();
  log(`ouverture sur http://localhost:${process.env.PORT ?? 3000}`);
  const app = spawn('node', APP_SERVER_ARGS, { stdio: 'inherit', env: { ...process.env, DATA_DIR: dataDir, NODE_ENV: 'production', DATABASE_URL: '' } });
  const forward = (signal: NodeJS.Signals) => app.kill(signal);
  process.on('SIGINT', forward);
  process.on('SIGTERM', forward);
  app.on('exit', (code) => process.exit(code ?? 0));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
