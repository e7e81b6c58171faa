import { createHash } from 'node:crypto';
import type { z } from 'zod';
import { AppError, type ErrorIssue } from '@/lib/http/errors';
import { route } from '@/lib/http/route';
import { checkInput } from '@/lib/http/zod-issues';
import { PARAM_MESSAGES, PARAMS, type ParamIssueCode } from './params';

/** Reads are public: any origin may read them from a browser (no cookies are involved). */
export const CORS_HEADERS: Record<string, string> = {
  'access-control-allow-origin': '*',
  'access-control-allow-methods': 'GET, HEAD, OPTIONS',
  'access-control-allow-headers': 'authorization, if-none-match',
  'access-control-expose-headers': 'etag, content-disposition',
  'access-control-max-age': '86400',
};

export function issue(field: string, code: ParamIssueCode): ErrorIssue {
  return { field, code, message: PARAM_MESSAGES[code] };
}

export function invalid(issues: ErrorIssue[]): AppError {
  return new AppError('invalid_input', issues.map((i) => i.message).join(' '), { issues });
}

/** Validates a query string against a schema of lib/api-v1/params.ts; every failure is a 400 with issue codes. */
export function parseQuery<S extends z.ZodType>(schema: S, url: string): z.output<S> {
  const params = Object.fromEntries(new URL(url).searchParams);
  const parsed = checkInput(schema, params, {
    unknownKey: (key) => ({ ...issue(key, 'param_unknown'), message: `Paramètre inconnu : ${key}.` }),
    toIssue: (_issue, field) => issue(field, field in PARAMS ? PARAMS[field as keyof typeof PARAMS].code : 'param_unknown'),
  });
  if (parsed.ok) return parsed.value;
  throw invalid(parsed.issues);
}

/** JSON with CORS, a strong ETag over the body and Cache-Control; 304 when the client already has it. */
export function cachedJson(req: Request, body: unknown, maxAgeSeconds: number): Response {
  const text = JSON.stringify(body);
  const etag = `"${createHash('sha1').update(text).digest('base64url')}"`;
  const headers: Record<string, string> = {
    ...CORS_HEADERS,
    etag,
    'cache-control': `public, max-age=${maxAgeSeconds}`,
    vary: 'authorization',
  };
  const match = req.headers.get('if-none-match');
  if (match && match.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag)) return new Response(null, { status: 304, headers });
  return new Response(req.method === 'HEAD' ? null : text, { headers: { ...headers, 'content-type': 'application/json; charset=utf-8' } });
}

/** Answer to a CORS preflight. */
export function preflight(): Response {
  return new Response(null, { status: 204, headers: CORS_HEADERS });
}

/** The standard route wrapper, with CORS headers on its error answers too (a browser must read them). */
export function v1Route<C>(handler: (req: Request, ctx: C) => Promise<Response>): (req: Request, ctx: C) => Promise<Response> {
  const wrapped = route(handler);
  return async (req, ctx) => {
    const res = await wrapped(req, ctx);
    if (res.headers.has('access-control-allow-origin')) return res;
    const headers = new Headers(res.headers);
    for (const [k, v] of Object.entries(CORS_HEADERS)) headers.set(k, v);
    return new Response(res.body, { status: res.status, headers });
  };
}
