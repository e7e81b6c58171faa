import 'server-only';
import type http from 'node:http';
import { toErrorPayload } from '@/lib/http/error-payload';
import { readAccessHeaders } from '@/lib/http/read-access';
import { handleMapStateRequest } from './http';

// What next.config.ts headers() adds to /api/* answers, which this path bypasses.
const API_HEADERS = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'strict-origin-when-cross-origin',
  'content-security-policy': "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
  'x-frame-options': 'DENY',
};

/**
 * GET /api/etat answered by scripts/serve.ts with the route's own function, without the framework's
 * per-request work: polling viewers get the shared rendered body (gzip-compressed once per state).
 */
export async function serveMapState(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
  const started = performance.now();
  try {
    const headers = readAccessHeaders(req.headers);
    const ifNoneMatch = req.headers['if-none-match'];
    if (typeof ifNoneMatch === 'string') headers.set('if-none-match', ifNoneMatch);
    const answer = await handleMapStateRequest({ url: req.url ?? '/', headers });
    const gzip = answer.body !== null && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
    const body = answer.body === null ? null : gzip ? answer.gzipped() : answer.body;
    res.writeHead(answer.status, {
      ...API_HEADERS,
      ...answer.headers,
      vary: 'accept-encoding',
      ...(gzip ? { 'content-encoding': 'gzip' } : {}),
      'server-timing': `app;dur=${(performance.now() - started).toFixed(1)}`,
    });
    res.end(req.method === 'HEAD' ? undefined : body ?? undefined);
  } catch (error) {
    const payload = toErrorPayload(error);
    res.writeHead(payload.status, { ...API_HEADERS, ...payload.headers });
    res.end(payload.body);
  }
}
