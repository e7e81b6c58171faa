// The app's HTTP server entry point: Next.js behind lib/server (peer stamping, fast paths, intake
// limits, load shedding; see docs/architecture.md); it supervises the worker process and drains on
// SIGTERM. Usage: serve.ts [--dev]
import next from 'next';
import { parseEnv } from '../lib/config/env-schema';
import { getLiveRuntime } from '../lib/live/runtime';
import { createDrain } from '../lib/server/drain';
import { createEdgeServer } from '../lib/server/listener';
import { builtNextConfig } from '../lib/server/built-config';
import { onParentGone, superviseChild, type Supervised } from '../lib/worker/supervise';
import { componentLogger, errorMessage } from '../lib/log/logger';
import { siblingEntry, WORKER_NODE_FLAGS } from './entry';

const log = componentLogger('server');

async function main() {
  const dev = process.argv.includes('--dev');
  const env = parseEnv(process.env);
  // Production starts from the configuration the build resolved, as Next's own standalone server does (this
  // variable is how it hands it over): next.config.ts is then not transpiled, and SWC not loaded, at run time.
  const conf = dev ? null : builtNextConfig(process.env);
  if (conf) process.env.__NEXT_PRIVATE_STANDALONE_CONFIG = JSON.stringify(conf);
  const app = next({ dev, port: env.PORT, hostname: '0.0.0.0' });
  const handle = app.getRequestHandler();
  await app.prepare();

  // One live hub per process, shared with the Next.js bundle (lib/live/runtime.ts).
  const live = getLiveRuntime();
  // Requests arrive only once the server listens, after `drain` exists.
  const { server, load } = createEdgeServer({ next: handle, admit: (req, res) => drain.admit(req, res) });
  const drain = createDrain(server);
  let worker: Supervised | null = null;
  let stopping = false;

  server.on('error', (error) => {
    log.error({ port: env.PORT, err: error.message }, `écoute impossible sur le port ${env.PORT}`);
    process.exit(1);
  });
  server.listen({ port: env.PORT, backlog: env.LISTEN_BACKLOG }, () => {
    log.info({ port: env.PORT, dev }, `prêt sur http://localhost:${env.PORT}${dev ? ' (dev)' : ''}`);
    if (env.DETECTOR === 'on' && !stopping) worker = superviseChild({ name: 'worker', ...siblingEntry('worker', WORKER_NODE_FLAGS) });
  });
  const shutdown = (why: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ reason: why, inflight: drain.inflight() }, `arrêt (${why}) : ${drain.inflight()} requête(s) en cours`);
    setTimeout(() => process.exit(1), env.SHUTDOWN_GRACE_MS + 5_000).unref();
    void Promise.all([drain.drain(env.SHUTDOWN_GRACE_MS), live.stop().catch(() => {})])
      .then(([complete]) => {
        load.stop();
        if (!complete) log.warn('délai de grâce écoulé, connexions restantes coupées');
        return worker?.stop();
      })
      .finally(() => process.exit(0));
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
  onParentGone(() => shutdown('lanceur disparu'));
}

main().catch((error: unknown) => {
  log.error({ err: error }, `démarrage impossible : ${errorMessage(error)}`);
  process.exit(1);
});
