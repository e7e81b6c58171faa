import { AppError } from './errors';

export const REPORT_BODY_LIMIT_BYTES = 4096;

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

/** Refuses a browser request whose Origin is another site (403). Requests without Origin (non-browser clients) pass. */
export function requireSameOrigin(req: Request): void {
  checkSameOrigin(req.headers);
}

export function checkSameOrigin(headers: Headers): void {
  const origin = headers.get('origin');
  if (!origin) return;
  const host = headers.get('x-forwarded-host') ?? headers.get('host');
  let originHost: string;
  try {
    originHost = new URL(origin).host;
  } catch {
    throw new AppError('forbidden', 'Origine de la requête refusée.');
  }
  if (!host || originHost !== host) throw new AppError('forbidden', 'Les envois depuis un autre site sont refusés.');
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
