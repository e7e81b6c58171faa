import { z } from 'zod';
import { AppError } from '@/lib/http/errors';

export const proofsQuerySchema = z
  .object({
    limit: z.coerce.number().int().min(1).max(500).default(100),
    before: z.string().regex(/^\d{1,18}$/, 'curseur invalide').optional(),
  })
  .strict();

export type ProofsQuery = z.infer<typeof proofsQuerySchema>;

/** Parses the query string or throws the standard invalid_input error (never a 500). */
export function parseProofsQuery(params: URLSearchParams): ProofsQuery {
  const parsed = proofsQuerySchema.safeParse(Object.fromEntries(params));
  if (!parsed.success) {
    throw new AppError('invalid_input', 'Paramètres invalides : limit (1 à 500) et before (numéro de condensé).', {
      issues: parsed.error.issues.map((i) => ({ field: String(i.path[0] ?? ''), code: i.code, message: i.message })),
    });
  }
  return parsed.data;
}
