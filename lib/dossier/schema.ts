import { z } from 'zod';
import { ID_SLUG } from '@/lib/domain/slug';

export const MAX_DOSSIER_DAYS = 92;

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'date attendue au format AAAA-MM-JJ');
const slug = z.string().regex(ID_SLUG, 'identifiant invalide');

/** A dossier request: services, académies (none = all), a period of Paris days, title, notes, k. */
export const dossierRequestSchema = z
  .object({
    title: z.string().trim().min(1, 'Donnez un titre au dossier.').max(200),
    notes: z.string().trim().max(5000).default(''),
    platforms: z.array(slug).min(1, 'Choisissez au moins un service.').max(50),
    academies: z.array(slug).max(40).default([]),
    from: day,
    to: day,
    k: z.coerce.number().int().min(2).max(50).nullable().default(null),
  })
  .strict()
  .refine((r) => r.from <= r.to, { message: 'La fin de la période précède son début.', path: ['to'] })
  .refine((r) => (Date.parse(r.to) - Date.parse(r.from)) / 86_400_000 < MAX_DOSSIER_DAYS, {
    message: `Période de ${MAX_DOSSIER_DAYS} jours au plus.`,
    path: ['to'],
  });

export type DossierRequest = z.infer<typeof dossierRequestSchema>;
