import type http from 'node:http';
import { toErrorPayload } from '@/lib/http/error-payload';
import type { HttpAnswer } from '@/lib/http/respond';
import { apiSecurityHeaders } from '@/lib/http/security-headers';

type Answer = HttpAnswer;

/** Writes an answer of our server with the API security headers (the same ones next.config.ts sets). */
export function writeAnswer(res: http.ServerResponse, answer: Answer, opts: { head?: boolean; close?: boolean } = {}): void {
  if (res.headersSent || res.destroyed) return;
  res.writeHead(answer.status, {
    ...apiSecurityHeaders(),
    ...answer.headers,
    ...(answer.body === null ? {} : { 'content-length': String(Buffer.byteLength(answer.body)) }),
    ...(opts.close ? { connection: 'close' } : {}),
  });
  res.end(opts.head ? undefined : (answer.body ?? undefined));
}

/** The standard JSON error for anything thrown; `close` ends the connection after it (refused bodies). */
export function writeError(res: http.ServerResponse, error: unknown, opts: { close?: boolean } = {}): void {
  const payload = toErrorPayload(error);
  writeAnswer(res, payload, opts);
}

/**
 * Runs `answer` after `pauseMs` unless the client has gone meanwhile: a timer, no work. Used for requests refused
 * under load (lib/server/load-shed.ts, REFUSAL_PAUSE_MS).
 */
export function answerAfterPause(res: http.ServerResponse, pauseMs: number, answer: () => void): void {
  const timer = setTimeout(() => {
    if (!res.destroyed && !res.writableEnded) answer();
  }, pauseMs);
  res.once('close', () => clearTimeout(timer));
}
