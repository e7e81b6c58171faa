import { z } from 'zod';

const reason = z.string().trim().max(500);
const requiredReason = reason.min(3, 'Indiquez la raison (3 caractères au moins).');
const uuid = z.uuid({ message: 'Identifiant invalide.' });

export const reportModerationSchema = z
  .object({
    reportId: uuid,
    target: z.enum(['report', 'comment']),
    op: z.enum(['approve', 'hide', 'restore']),
    reason: reason.optional(),
  })
  .refine((v) => v.op !== 'hide' || (v.reason?.length ?? 0) >= 3, {
    path: ['reason'],
    message: 'Indiquez la raison du masquage (3 caractères au moins).',
  });

export const sourceHideSchema = z.object({ reportId: uuid, reason: requiredReason });

const academies = z.preprocess(
  (v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]),
  z.array(z.string().trim().min(1).max(40)).min(1, 'Choisissez au moins une académie.').max(40),
);

export const incidentModerationSchema = z.discriminatedUnion('op', [
  z.object({ op: z.literal('annotate'), incidentId: uuid, note: z.string().trim().min(1, 'Écrivez une note.').max(2000) }),
  z.object({ op: z.literal('dismiss'), incidentId: uuid, reason: requiredReason }),
  z.object({ op: z.literal('merge'), incidentId: uuid, intoId: uuid, reason: reason.optional() }),
  z.object({ op: z.literal('split'), incidentId: uuid, academies, reason: reason.optional() }),
]);

export type ReportModerationInput = z.infer<typeof reportModerationSchema>;
export type SourceHideInput = z.infer<typeof sourceHideSchema>;
export type IncidentModerationInput = z.infer<typeof incidentModerationSchema>;
