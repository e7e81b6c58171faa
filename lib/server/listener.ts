import 'server-only';
import http from 'node:http';
import type net from 'node:net';
import { env } from '@/lib/env';
import { AppError } from '@/lib/http/errors';
import { recordIntake } from '@/lib/http/intake-stats';
import { stampPeer } from '@/lib/http/peer';
import { cachedTrustedProxyList, isTrustedProxy } from '@/lib/http/trusted-proxies';
import { createSourceLimit } from '@/lib/http/source-limit';
import { requestSourceKey, sourceKeyOf } from '@/lib/ingest/request-source';
import { recordOutcome, refuseUnderLoad, serveHealth, serveMapState, serveReport, type IntakeContext, TOO_MANY_PENDING } from './fast-paths';
import { serveLiveStream } from './live-stream';
import { createLoadMonitor, DEFAULT_LOAD_LIMITS, type LoadMonitor } from './load-shed';
import { badPathAnswer } from './path-guard';
import { toWebHeaders } from './node-headers';
import { writeAnswer, writeError } from './respond';

type NextHandler = (req: http.IncomingMessage, res: http.ServerResponse) => Promise<void> | void;

export type EdgeLimits = {
  headersTimeoutMs: number;
  bodyTimeoutMs: number;
  maxConnectionsPerSource: number;
  maxPendingBodiesPerSource: number;
  maxInflight: number;
};

export function edgeLimitsFromEnv(): EdgeLimits {
  return {
    headersTimeoutMs: env.HEADERS_TIMEOUT_MS,
    bodyTimeoutMs: env.BODY_TIMEOUT_MS,
    maxConnectionsPerSource: env.MAX_CONNECTIONS_PER_SOURCE,
    maxPendingBodiesPerSource: env.MAX_PENDING_BODIES_PER_SOURCE,
    maxInflight: env.MAX_INFLIGHT_REQUESTS,
  };
}

// The no-JS report form posts here (Next.js handles it); the JSON API is answered in fast-paths.ts.
const FORM_PATHS = new Set(['/signaler/envoyer', '/en/signaler/envoyer']);

/**
 * The app's HTTP server: stamps the peer, answers the fast paths (docs/architecture.md) and hands
 * everything else to Next.js. Intake is protected here: deadlines for headers and bodies, caps of
 * connections and unfinished bodies per source, load shedding counted on requests at work only.
 */
/** `admit` runs first for every request; when it returns false it has answered (a draining server). */
export function createEdgeServer(opts: { next: NextHandler; limits?: EdgeLimits; admit?: (req: http.IncomingMessage, res: http.ServerResponse) => boolean }): {
  server: http.Server;
  load: LoadMonitor;
} {
  const limits = opts.limits ?? edgeLimitsFromEnv();
  const proxies = cachedTrustedProxyList(env.TRUSTED_PROXIES);
  const load = createLoadMonitor({ ...DEFAULT_LOAD_LIMITS, maxInflight: limits.maxInflight });
  const connections = createSourceLimit({ perSource: limits.maxConnectionsPerSource });
  const pendingBodies = createSourceLimit({ perSource: limits.maxPendingBodiesPerSource });

  const server = http.createServer(
    {
      headersTimeout: limits.headersTimeoutMs,
      // Backstop for bodies Next.js reads itself; our own readers answer earlier (bodyTimeoutMs).
      requestTimeout: limits.headersTimeoutMs + limits.bodyTimeoutMs,
      connectionsCheckingInterval: 1000,
    },
    (req, res) => {
      if (opts.admit && !opts.admit(req, res)) return;
      const arrived = performance.now();
      const peer = req.socket.remoteAddress ?? '';
      stampPeer(req.headers, { address: peer, trustedProxy: isTrustedProxy(proxies, peer) });
      const headers = toWebHeaders(req.headers);
      const url = req.url ?? '/';
      const queryAt = url.indexOf('?');
      const path = queryAt < 0 ? url : url.slice(0, queryAt);
      const bad = badPathAnswer(path, queryAt < 0 ? '' : url.slice(queryAt));
      if (bad) {
        if (bad.kind === 'api') writeAnswer(res, bad.answer);
        else {
          req.url = bad.rewriteTo;
          void opts.next(req, res);
        }
        return;
      }
      const source = () => requestSourceKey(headers);
      if (req.method === 'GET' && path === '/api/flux') return void serveLiveStream(req, res);
      if ((req.method === 'GET' || req.method === 'HEAD') && path === '/api/etat') return void serveMapState(req, res, arrived);
      if ((req.method === 'GET' || req.method === 'HEAD') && path === '/api/health') return void serveHealth(req, res);
      if (req.method === 'POST' && path === '/api/reports') {
        const ctx: IntakeContext = { load, pendingBodies, bodyTimeoutMs: limits.bodyTimeoutMs, source: source(), headers, arrived };
        return void serveReport(req, res, ctx);
      }
      if (req.method === 'POST' && FORM_PATHS.has(path)) return void serveFormPost(req, res, { load, pendingBodies, source: source(), next: opts.next });
      void opts.next(req, res);
    },
  );
  server.keepAliveTimeout = 65_000;
  server.on('connection', (socket: net.Socket) => {
    const address = socket.remoteAddress;
    if (isTrustedProxy(proxies, address)) return;
    const release = connections.tryAcquire(sourceKeyOf(address ?? null));
    if (!release) {
      recordIntake('refused_source');
      socket.destroy();
      return;
    }
    socket.once('close', release);
  });
  return { server, load };
}

/** The no-JS form: Next.js reads the body; it becomes real work (shedding) once the body has arrived. */
function serveFormPost(
  req: http.IncomingMessage,
  res: http.ServerResponse,
  ctx: { load: LoadMonitor; pendingBodies: ReturnType<typeof createSourceLimit>; source: string; next: NextHandler },
): void {
  if (ctx.load.shouldShed()) {
    refuseUnderLoad(res, new AppError('unavailable', 'Serveur saturé : réessayez dans quelques secondes.', { retryAfterSeconds: 2 }));
    return;
  }
  const release = ctx.pendingBodies.tryAcquire(ctx.source);
  if (!release) {
    recordIntake('refused_source');
    writeError(res, new AppError('rate_limited', TOO_MANY_PENDING, { retryAfterSeconds: 5 }), { close: true });
    return;
  }
  let done: (() => void) | null = null;
  res.once('finish', () => {
    // The no-JS form answers with a redirect, accepted or not; only its failures are counted.
    if (res.statusCode >= 500) recordOutcome(res.statusCode, 0);
  });
  req.once('end', () => {
    release();
    done = ctx.load.begin();
  });
  res.once('close', () => {
    release();
    done?.();
  });
  void ctx.next(req, res);
}
