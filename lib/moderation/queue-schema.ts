import { z } from 'zod';
import { ID_SLUG } from '@/lib/domain/slug';
import { FLAG_REASONS, PROBLEM_CATEGORIES, REPORTER_ROLES } from '@/lib/domain/types';
import type { QueueFilter } from '@/lib/domain/moderation';

export const QUEUE_ORDERS = ['recent', 'ancien'] as const;
export const QUEUE_PERIODS = ['heure', 'jour', 'semaine', 'tout'] as const;
export type QueueOrder = (typeof QUEUE_ORDERS)[number];
export type QueuePeriod = (typeof QUEUE_PERIODS)[number];
/** "aucun" = comments of reports that were not flagged. */
export const QUEUE_FLAGS = [...FLAG_REASONS, 'aucun'] as const;

const slug = z.string().trim().regex(ID_SLUG, 'Identifiant invalide.');
const empty = (v: unknown) => (v === '' ? undefined : v);

/** The queue's URL query (French names, as the address bar shows them). */
export const queueQuerySchema = z.object({
  service: z.preprocess(empty, slug.optional()),
  academie: z.preprocess(empty, slug.optional()),
  categorie: z.preprocess(empty, z.enum(PROBLEM_CATEGORIES).optional()),
  role: z.preprocess(empty, z.enum(REPORTER_ROLES).optional()),
  motif: z.preprocess(empty, z.enum(QUEUE_FLAGS).optional()),
  periode: z.preprocess(empty, z.enum(QUEUE_PERIODS).default('tout')),
  ordre: z.preprocess(empty, z.enum(QUEUE_ORDERS).default('recent')),
  apres: z.preprocess(empty, z.string().max(120).regex(/^[A-Za-z0-9_-]+$/, 'Curseur invalide.').optional()),
});
export type QueueQuery = z.infer<typeof queueQuerySchema>;

export type { QueueFilter };

const PERIOD_MS: Record<QueuePeriod, number | null> = { heure: 3_600_000, jour: 86_400_000, semaine: 7 * 86_400_000, tout: null };

export function filterOf(query: QueueQuery, now: Date): QueueFilter {
  const span = PERIOD_MS[query.periode];
  return {
    platformId: query.service,
    academyId: query.academie,
    category: query.categorie,
    role: query.role,
    flag: query.motif,
    from: span === null ? undefined : new Date(now.getTime() - span),
    to: now,
  };
}

const ids = z.preprocess(
  (v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]),
  z.array(z.uuid({ message: 'Identifiant invalide.' })).max(500, '500 commentaires au plus par action.'),
);
const filterFields = {
  service: queueQuerySchema.shape.service,
  academie: queueQuerySchema.shape.academie,
  categorie: queueQuerySchema.shape.categorie,
  role: queueQuerySchema.shape.role,
  motif: queueQuerySchema.shape.motif,
  periode: queueQuerySchema.shape.periode,
};
const base = {
  op: z.enum(['approve', 'hide']),
  reason: z.preprocess(empty, z.string().trim().max(500).optional()),
};

/**
 * A moderation action on comments. `asOf` is when the moderator's page was read: a group or source
 * action never reaches comments that arrived after it, which the moderator has not seen.
 */
export const commentActionSchema = z.discriminatedUnion('scope', [
  z.object({ scope: z.literal('one'), ...base, reportId: z.uuid({ message: 'Identifiant invalide.' }) }),
  z.object({ scope: z.literal('selection'), ...base, reportIds: ids.refine((v) => v.length > 0, 'Cochez au moins un commentaire.') }),
  z.object({
    scope: z.literal('group'),
    ...base,
    keys: z.preprocess((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]), z.array(z.string().min(1).max(200)).min(1).max(50)),
    expected: z.coerce.number().int().min(0).max(1_000_000),
    asOf: z.coerce.date(),
    ...filterFields,
  }),
  z.object({ scope: z.literal('source'), ...base, reportId: z.uuid({ message: 'Identifiant invalide.' }), asOf: z.coerce.date() }),
]);
export type CommentActionInput = z.infer<typeof commentActionSchema>;

export const undoSchema = z.object({ actionId: z.uuid({ message: 'Identifiant invalide.' }) });
export type UndoInput = z.infer<typeof undoSchema>;
