// The app's HTTP server entry point: Next.js behind lib/server (peer stamping, fast paths, intake
// limits, load shedding; see docs/architecture.md), plus the scheduled jobs. Usage: serve.ts [--dev]
import { spawn, type ChildProcess } from 'node:child_process';
import next from 'next';
import { parseEnv } from '../lib/config/env-schema';
import { resolveDatabase } from '../lib/db/connection';
import { createPrismaClient } from '../lib/db/create-client';
import { purgeFingerprintsJob } from '../lib/jobs/jobs';
import { createInProcessScheduler } from '../lib/jobs/scheduler';
import { getLiveRuntime } from '../lib/live/runtime';
import { createEdgeServer } from '../lib/server/listener';

/** The detector runs in its own process (CPU-heavy passes never delay requests); restarted if it dies. */
function startDetector(): { stop(): void } {
  let child: ChildProcess | null = null;
  let stopped = false;
  const launch = () => {
    child = spawn(process.execPath, ['--import', 'tsx', 'scripts/detector.ts', '--loop'], { stdio: 'inherit', env: process.env });
    child.on('exit', () => {
      if (!stopped) setTimeout(launch, 5_000).unref();
    });
  };
  launch();
  return {
    stop() {
      stopped = true;
      child?.kill('SIGTERM');
    },
  };
}

async function main() {
  const dev = process.argv.includes('--dev');
  const env = parseEnv(process.env);
  const app = next({ dev, port: env.PORT, hostname: '0.0.0.0' });
  const handle = app.getRequestHandler();
  await app.prepare();

  // One live hub per process, shared with the Next.js bundle (lib/live/runtime.ts).
  const live = getLiveRuntime();
  const { server, load } = createEdgeServer({ next: handle });

  const target = resolveDatabase(env);
  const db = target.url ? createPrismaClient({ url: target.url, kind: target.kind, poolMax: 2 }) : null;
  const scheduler = createInProcessScheduler({
    jobs: db ? [purgeFingerprintsJob(db)] : [],
    onError: (job, error) => console.error(`[jobs] ${job} failed:`, error instanceof Error ? error.message : error),
  });
  scheduler.start();

  const detector = env.DETECTOR === 'off' ? null : startDetector();

  server.listen(env.PORT, () => console.log(`[école-en-panne] prêt sur http://localhost:${env.PORT}${dev ? ' (dev)' : ''}`));
  const shutdown = () => {
    detector?.stop();
    void live.stop();
    load.stop();
    server.close();
    void scheduler
      .stop()
      .then(() => db?.$disconnect())
      .finally(() => process.exit(0));
    setTimeout(() => process.exit(0), 5000).unref();
  };
  process.on('SIGTERM', shutdown);
  process.on('SIGINT', shutdown);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
