import type { IncomingMessage } from 'node:http';
import { AppError } from './errors';

export const REPORT_BODY_LIMIT_BYTES = 4096;

export type NodeBody = { ok: true; text: string } | { ok: false; reason: 'too_large' | 'timeout' | 'aborted' };

/**
 * Reads a Node request body of at most `limit` bytes within `timeoutMs` (a client trickling bytes or
 * declaring a huge chunk then stalling is cut off). Past the limit the rest is discarded, not reset,
 * so the caller can still answer 413 before closing.
 */
export function readNodeBody(req: IncomingMessage, opts: { limit: number; timeoutMs: number }): Promise<NodeBody> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const finish = (result: NodeBody) => {
      clearTimeout(timer);
      req.off('data', onData).off('end', onEnd).off('error', onAborted).off('aborted', onAborted);
      if (!result.ok) req.on('error', () => {}).resume();
      resolve(result);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > opts.limit) finish({ ok: false, reason: 'too_large' });
      else chunks.push(chunk);
    };
    const onEnd = () => finish({ ok: true, text: Buffer.concat(chunks).toString('utf8') });
    const onAborted = () => finish({ ok: false, reason: 'aborted' });
    const timer = setTimeout(() => finish({ ok: false, reason: 'timeout' }), opts.timeoutMs);
    if (Number(req.headers['content-length'] ?? 0) > opts.limit) {
      finish({ ok: false, reason: 'too_large' });
      return;
    }
    req.on('data', onData).on('end', onEnd).on('error', onAborted).on('aborted', onAborted);
  });
}

/** The AppError answering a NodeBody failure (the connection is closed after it). */
export function bodyError(reason: 'too_large' | 'timeout' | 'aborted', limit: number): AppError {
  if (reason === 'too_large') return tooLarge(limit);
  return new AppError('request_timeout', 'Requête trop lente : le corps n’est pas arrivé à temps.');
}

/** Reads at most `limit` bytes; a bigger body is refused (413) before any parsing. */
export async function readLimitedBody(req: Request, limit: number): Promise<string> {
  const declared = Number(req.headers.get('content-length') ?? '0');
  if (declared > limit) throw tooLarge(limit);
  if (!req.body) return '';
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => {});
      throw tooLarge(limit);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function tooLarge(limit: number): AppError {
  return new AppError('payload_too_large', `Requête trop volumineuse (${limit} octets au maximum).`);
}

/** Refuses content types other than `expected` (415): blocks cross-site "simple" text/plain posts. */
export function requireContentType(req: Request, expected: string): void {
  requireContentTypeValue(req.headers.get('content-type'), expected);
}

export function requireContentTypeValue(contentType: string | null, expected: string): void {
  const type = (contentType ?? '').split(';')[0]?.trim().toLowerCase();
  if (type !== expected) {
    throw new AppError('unsupported_media_type', `Type de contenu non accepté : envoyez ${expected}.`);
  }
}

export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new AppError('invalid_input', 'Le corps de la requête n’est pas du JSON valide.', {
      issues: [{ field: 'body', code: 'body_invalid', message: 'Le signalement doit être un objet JSON.' }],
    });
  }
}
