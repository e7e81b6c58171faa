import { z } from 'zod';
import { AppError } from '@/lib/http/errors';
import { checkInput } from '@/lib/http/zod-issues';

export const proofsQuerySchema = z
  .object({
    limit: z.coerce.number().int().min(1).max(500).default(100),
    before: z.string().regex(/^\d{1,18}$/, 'curseur invalide').optional(),
  })
  .strict();

export type ProofsQuery = z.infer<typeof proofsQuerySchema>;

/** Parses the query string or throws the standard invalid_input error (never a 500). */
export function parseProofsQuery(params: URLSearchParams): ProofsQuery {
  const parsed = checkInput(proofsQuerySchema, Object.fromEntries(params));
  if (!parsed.ok) {
    throw new AppError('invalid_input', 'Paramètres invalides : limit (1 à 500) et before (numéro de condensé).', {
      issues: parsed.issues,
    });
  }
  return parsed.value;
}
