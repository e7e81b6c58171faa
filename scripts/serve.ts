// The app's HTTP server: Next.js behind a thin Node layer that (1) records the TCP peer address for
// the trusted-proxy check, (2) refuses oversized ingest bodies before Next reads them, (3) sheds load
// with fast 503s, and (4) runs the scheduled jobs. Usage: serve.ts [--dev]
import { spawn, type ChildProcess } from 'node:child_process';
import http from 'node:http';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import next from 'next';
import { parseEnv } from '../lib/config/env-schema';
import { resolveDatabase } from '../lib/db/connection';
import { createPrismaClient } from '../lib/db/create-client';
import { REPORT_BODY_LIMIT_BYTES } from '../lib/http/body';
import { toErrorPayload } from '../lib/http/error-payload';
import { handleReportSubmission } from '../lib/ingest/submission';
import { serveMapState } from '../lib/map-state/node-handler';
import { DEFAULT_LOAD_LIMITS, shouldShed } from '../lib/http/load-shed';
import { purgeFingerprintsJob } from '../lib/jobs/jobs';
import { webhooksJob } from '../lib/webhooks/job';
import { notifyJob } from '../lib/notify/job';
import { createInProcessScheduler } from '../lib/jobs/scheduler';
import { serveLiveStream } from '../lib/live/node-stream';
import { getLiveRuntime } from '../lib/live/runtime';

const PEER_HEADER = 'x-ecole-peer';
// The no-JS report form posts to /signaler/envoyer, or /en/signaler/envoyer from the English page.
const INGEST_PATHS = new Set(['/api/reports', '/signaler/envoyer', '/en/signaler/envoyer']);
const LIVE_PATH = '/api/flux';

function sendJson(res: http.ServerResponse, status: number, code: string, message: string, retryAfter?: number) {
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
    ...(retryAfter ? { 'retry-after': String(retryAfter) } : {}),
    connection: status === 413 ? 'close' : 'keep-alive',
  });
  res.end(JSON.stringify({ error: { code, message } }));
}

function readBody(req: http.IncomingMessage, limit: number): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        resolve(null);
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function toHeaders(req: http.IncomingMessage): Headers {
  const headers = new Headers();
  for (const [key, value] of Object.entries(req.headers)) {
    if (typeof value === 'string') headers.set(key, value);
    else if (Array.isArray(value)) headers.set(key, value.join(', '));
  }
  return headers;
}

// The hot path: POST /api/reports answered by the same function as app/api/reports/route.ts,
// without the framework's per-request work (it caps this 2-core machine well below the database).
async function fastReport(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
  try {
    const body = await readBody(req, REPORT_BODY_LIMIT_BYTES);
    if (body === null) {
      sendJson(res, 413, 'payload_too_large', `Requête trop volumineuse (${REPORT_BODY_LIMIT_BYTES} octets au maximum).`);
      return;
    }
    const result = await handleReportSubmission({ headers: toHeaders(req), body });
    res.writeHead(result.status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
    res.end(JSON.stringify(result.body));
  } catch (error) {
    const payload = toErrorPayload(error);
    res.writeHead(payload.status, payload.headers);
    res.end(payload.body);
  }
}

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

  const loop = monitorEventLoopDelay({ resolution: 10 });
  loop.enable();
  let loopDelayMs = 0;
  const sampler = setInterval(() => {
    loopDelayMs = loop.percentile(99) / 1e6;
    loop.reset();
  }, 1000);
  sampler.unref();
  let inflight = 0;
  let completed = 0;
  let completedPerSecond = 0;
  const rate = setInterval(() => {
    completedPerSecond = completedPerSecond * 0.5 + completed * 0.5;
    completed = 0;
  }, 1000);
  rate.unref();
  const limits = { ...DEFAULT_LOAD_LIMITS, maxInflight: env.MAX_INFLIGHT_REQUESTS };
  // One live hub per process; its long-lived streams stay outside Next.js and the load shedding.
  const live = getLiveRuntime();

  const server = http.createServer((req, res) => {
    const arrived = performance.now();
    req.headers[PEER_HEADER] = req.socket.remoteAddress ?? '';
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    if (req.method === 'GET' && path === LIVE_PATH) {
      serveLiveStream(live.hub, req, res);
      return;
    }
    if ((req.method === 'GET' || req.method === 'HEAD') && path === '/api/etat') {
      void serveMapState(req, res);
      return;
    }
    if (req.method === 'POST' && INGEST_PATHS.has(path)) {
      // Server-side time to answer, for clients and the benchmark (the load generator shares the CPU).
      const writeHead = res.writeHead.bind(res);
      res.writeHead = ((...args: Parameters<typeof res.writeHead>) => {
        res.setHeader('server-timing', `app;dur=${(performance.now() - arrived).toFixed(1)}`);
        return writeHead(...args);
      }) as typeof res.writeHead;
      if (Number(req.headers['content-length'] ?? 0) > REPORT_BODY_LIMIT_BYTES) {
        sendJson(res, 413, 'payload_too_large', `Requête trop volumineuse (${REPORT_BODY_LIMIT_BYTES} octets au maximum).`);
        return;
      }
      if (shouldShed({ inflight, completedPerSecond, loopDelayMs }, limits)) {
        sendJson(res, 503, 'unavailable', 'Serveur saturé : votre signalement sera renvoyé automatiquement.', 2);
        return;
      }
      inflight += 1;
      res.once('close', () => {
        inflight -= 1;
        completed += 1;
      });
      if (path === '/api/reports') {
        void fastReport(req, res);
        return;
      }
    }
    void handle(req, res);
  });
  server.keepAliveTimeout = 65_000;

  const target = resolveDatabase(env);
  const db = target.url ? createPrismaClient({ url: target.url, kind: target.kind, poolMax: 2 }) : null;
  const scheduler = createInProcessScheduler({
    jobs: db ? [purgeFingerprintsJob(db), webhooksJob(db), notifyJob(db)] : [],
    onError: (job, error) => console.error(`[jobs] ${job} failed:`, error instanceof Error ? error.message : error),
  });
  scheduler.start();

  const detector = env.DETECTOR === 'off' ? null : startDetector();

  server.listen(env.PORT, () => console.log(`[école-en-panne] prêt sur http://localhost:${env.PORT}${dev ? ' (dev)' : ''}`));
  const shutdown = () => {
    detector?.stop();
    void live.stop();
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
