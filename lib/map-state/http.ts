import 'server-only';
import { gzipSync } from 'node:zlib';
import { AppError } from '@/lib/http/errors';
import { requireReadAccess } from '@/lib/auth/read-access';
import { getRenderedMapState } from './get-map-state';
import { CACHE_CONTROL } from './policy';
import { parseMapStateQuery } from './query';

export type MapStateAnswer = {
  status: 200 | 304;
  headers: Record<string, string>;
  body: string | null;
  /** The body gzip-compressed, made once per rendered state and shared by every viewer. */
  gzipped: () => Buffer;
};

/** Weak comparison (RFC 9110 §13.1.2): does If-None-Match name this entity tag? */
export function matchesEtag(ifNoneMatch: string | null, etag: string): boolean {
  if (!ifNoneMatch) return false;
  const opaque = etag.replace(/^W\//, '');
  return ifNoneMatch.split(',').some((tag) => {
    const t = tag.trim();
    return t === '*' || t.replace(/^W\//, '') === opaque;
  });
}

/**
 * GET /api/etat without the transport: used by app/api/etat/route.ts and by the fast path of
 * scripts/serve.ts, so both answer identically. Throws AppError for bad parameters or over the read limit.
 */
export async function handleMapStateRequest(input: { url: string; headers: Headers; now?: Date }): Promise<MapStateAnswer> {
  const now = input.now ?? new Date();
  await requireReadAccess(input, now);
  const params = Object.fromEntries(new URL(input.url, 'http://localhost').searchParams);
  const parsed = parseMapStateQuery(params, now);
  if (!parsed.ok) throw new AppError('invalid_input', 'Paramètres de la carte invalides : corrigez les paramètres indiqués.', { issues: parsed.issues });
  const { rendered, kind } = await getRenderedMapState(parsed.value, now);
  const headers = {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': CACHE_CONTROL[kind],
    etag: rendered.etag,
  };
  const gzipped = () => (rendered.gzip ??= gzipSync(rendered.body));
  if (matchesEtag(input.headers.get('if-none-match'), rendered.etag)) return { status: 304, headers, body: null, gzipped };
  return { status: 200, headers, body: rendered.body, gzipped };
}
