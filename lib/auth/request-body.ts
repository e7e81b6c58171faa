import type { z } from 'zod';
import { parseJson, readLimitedBody, requireContentType } from '@/lib/http/body';
import { AppError } from '@/lib/http/errors';
import { checkInput } from '@/lib/http/zod-issues';

export const ADMIN_BODY_LIMIT_BYTES = 16_384;

/** The JSON body of an admin or moderation request (415 for other types, 413 when too large). */
export async function readJsonBody(req: Request): Promise<Record<string, unknown>> {
  requireContentType(req, 'application/json');
  const body = parseJson(await readLimitedBody(req, ADMIN_BODY_LIMIT_BYTES));
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new AppError('invalid_input', 'Le corps de la requête doit être un objet JSON.');
  }
  return body as Record<string, unknown>;
}

/** Validates with `schema`; failures become the standard 400 with one issue per field. */
export function parseInput<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const result = checkInput(schema, value, { rootField: 'body' });
  if (result.ok) return result.value;
  throw new AppError('invalid_input', result.issues[0]?.message ?? 'Requête invalide.', { issues: result.issues });
}
