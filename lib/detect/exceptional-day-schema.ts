import { z } from 'zod';
import { ACADEMY_TIME_ZONES } from '@/lib/calendar/time-zones';

export const EXCEPTIONAL_FACTOR_MIN = 0.1;
export const EXCEPTIONAL_FACTOR_MAX = 5;

const scopes = ['national', ...Object.keys(ACADEMY_TIME_ZONES)] as [string, ...string[]];

export const exceptionalDaySchema = z
  .object({
    date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Date attendue au format AAAA-MM-JJ.').refine((d) => !Number.isNaN(Date.parse(`${d}T12:00:00Z`)) && new Date(`${d}T12:00:00Z`).toISOString().startsWith(d), 'Date inexistante.'),
    scope: z.enum(scopes, 'Choisissez « toute la France » ou une académie.'),
    factor: z.coerce
      .number('Facteur attendu : un nombre.')
      .min(EXCEPTIONAL_FACTOR_MIN, `Facteur entre ${EXCEPTIONAL_FACTOR_MIN} et ${EXCEPTIONAL_FACTOR_MAX}.`)
      .max(EXCEPTIONAL_FACTOR_MAX, `Facteur entre ${EXCEPTIONAL_FACTOR_MIN} et ${EXCEPTIONAL_FACTOR_MAX}.`),
    label: z.string().trim().min(1, 'Indiquez la raison (grève, examens, enseignement à distance…).').max(120, '120 caractères au plus.'),
  })
  .strict();
export type ExceptionalDayInput = z.infer<typeof exceptionalDaySchema>;

export const exceptionalDayRemoveSchema = z.object({ id: z.uuid('Identifiant invalide.') }).strict();
