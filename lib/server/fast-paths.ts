import 'server-only';
import type http from 'node:http';
import { answerHealth } from '@/lib/health/answer';
import { bodyError, readNodeBody, REPORT_BODY_LIMIT_BYTES } from '@/lib/http/body';
import { AppError } from '@/lib/http/errors';
import { recordIntake, SLOW_ACCEPT_MS } from '@/lib/http/intake-stats';
import { readAccessHeaders } from '@/lib/auth/read-access';
import { createSpans, type Spans } from '@/lib/http/server-timing';
import type { SourceLimit } from '@/lib/http/source-limit';
import { answerReportSubmission } from '@/lib/ingest/submission';
import { handleMapStateRequest } from '@/lib/map-state/http';
import { REFUSAL_PAUSE_MS, type LoadMonitor } from './load-shed';
import { toWebHeaders } from './node-headers';
import { answerAfterPause, writeAnswer, writeError } from './respond';

export type IntakeContext = {
  load: LoadMonitor;
  pendingBodies: SourceLimit;
  bodyTimeoutMs: number;
  /** Client source of this request (address, IPv6 /64 or "unknown"). */
  source: string;
  /** The request's headers as web Headers (converted once, after the peer stamp). */
  headers: Headers;
  arrived: number;
};

export const SATURATED = 'Serveur saturé : votre signalement sera renvoyé automatiquement.';
// Built once: a refusal under overload must cost next to nothing (no stack trace per request).
const SATURATED_ERROR = new AppError('unavailable', SATURATED, { retryAfterSeconds: 2 });
export const TOO_MANY_PENDING = 'Trop d’envois en cours depuis votre réseau : réessayez dans quelques secondes.';

/** `Server-Timing`: the request's stages (or its whole time in the app) and the event loop's recent delay. */
function serverTiming(res: http.ServerResponse, arrived: number, spans?: Spans, loopDelayMs?: number): void {
  const stages = spans ? spans.header() : `app;dur=${(performance.now() - arrived).toFixed(1)}`;
  res.setHeader('server-timing', loopDelayMs === undefined ? stages : `${stages}, loop;dur=${loopDelayMs.toFixed(1)}`);
}

/** What /api/health reads: an accepted report (and whether it was slow), or one the app failed (5xx). */
/**
 * A request refused by the admission (lib/server/load-shed.ts): counted, and answered 503 + Retry-After after
 * REFUSAL_PAUSE_MS, for the report API and the no-JS form alike.
 */
export function refuseUnderLoad(res: http.ServerResponse, error: AppError, arrived?: number): void {
  recordIntake('shed');
  answerAfterPause(res, REFUSAL_PAUSE_MS, () => {
    if (arrived !== undefined) serverTiming(res, arrived);
    writeError(res, error);
  });
}

export function recordOutcome(status: number, elapsedMs: number): void {
  if (status >= 500) recordIntake('failed');
  if (status >= 300) return;
  recordIntake('accepted');
  if (elapsedMs > SLOW_ACCEPT_MS) recordIntake('slow');
}

/**
 * POST /api/reports: the body is received first, under a per-source cap of unfinished bodies and a
 * deadline; only then is the request real work, counted for load shedding.
 */
export async function serveReport(req: http.IncomingMessage, res: http.ServerResponse, ctx: IntakeContext): Promise<void> {
  const release = ctx.pendingBodies.tryAcquire(ctx.source);
  if (!release) {
    recordIntake('refused_source');
    writeError(res, new AppError('rate_limited', TOO_MANY_PENDING, { retryAfterSeconds: 5 }), { close: true });
    return;
  }
  const spans = createSpans(ctx.arrived);
  const body = await readNodeBody(req, { limit: REPORT_BODY_LIMIT_BYTES, timeoutMs: ctx.bodyTimeoutMs }).finally(release);
  spans.mark('body');
  if (!body.ok) {
    if (body.reason === 'timeout') recordIntake('timeout');
    if (body.reason === 'aborted') res.destroy();
    else writeError(res, bodyError(body.reason, REPORT_BODY_LIMIT_BYTES), { close: true });
    return;
  }
  if (ctx.load.shouldShed()) {
    refuseUnderLoad(res, SATURATED_ERROR, ctx.arrived);
    return;
  }
  const done = ctx.load.begin();
  res.once('close', done);
  const answer = await answerReportSubmission({ headers: ctx.headers, body: body.text, timing: spans });
  recordOutcome(answer.status, performance.now() - ctx.arrived);
  serverTiming(res, ctx.arrived, spans, ctx.load.loopDelayMs());
  writeAnswer(res, answer);
}

/** GET/HEAD /api/etat: polling viewers get the shared rendered body, gzip-compressed once per state. */
export async function serveMapState(req: http.IncomingMessage, res: http.ServerResponse, arrived: number): Promise<void> {
  try {
    const headers = readAccessHeaders(req.headers);
    const ifNoneMatch = req.headers['if-none-match'];
    if (typeof ifNoneMatch === 'string') headers.set('if-none-match', ifNoneMatch);
    const answer = await handleMapStateRequest({ url: req.url ?? '/', headers });
    const gzip = answer.body !== null && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
    serverTiming(res, arrived);
    writeAnswer(
      res,
      {
        status: answer.status,
        headers: { ...answer.headers, vary: 'accept-encoding', ...(gzip ? { 'content-encoding': 'gzip' } : {}) },
        body: answer.body === null ? null : gzip ? answer.gzipped() : answer.body,
      },
      { head: req.method === 'HEAD' },
    );
  } catch (error) {
    writeError(res, error);
  }
}

/** GET /api/health: same function as the Next.js route, answered here so it works when Next.js is overloaded. */
export async function serveHealth(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
  try {
    writeAnswer(res, await answerHealth(toWebHeaders(req.headers)), { head: req.method === 'HEAD' });
  } catch (error) {
    writeError(res, error);
  }
}
