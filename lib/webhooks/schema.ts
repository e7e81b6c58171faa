import { z } from 'zod';
import { WEBHOOK_EVENTS } from './events';
import { ID_SLUG as SLUG } from '@/lib/domain/slug';

const list = (message: string) =>
  z
    .union([z.string(), z.array(z.string())])
    .optional()
    .transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]).filter((s) => s !== ''))
    .pipe(z.array(z.string().regex(SLUG, message)).max(60, message));

/** The subscription form (checkboxes arrive as one string or an array). */
export const webhookCreateSchema = z.object({
  url: z.string({ message: 'Indiquez l’adresse à appeler.' }).trim().min(1, 'Indiquez l’adresse à appeler.').max(2_000, 'Adresse trop longue (2 000 caractères au plus).').url('Adresse invalide : indiquez une URL complète (https://…).'),
  platformIds: list('Service inconnu.'),
  academyIds: list('Académie inconnue.'),
  events: z
    .union([z.enum(WEBHOOK_EVENTS), z.array(z.enum(WEBHOOK_EVENTS))], { message: 'Choisissez au moins un événement.' })
    .transform((v) => (Array.isArray(v) ? v : [v]))
    .pipe(z.array(z.enum(WEBHOOK_EVENTS)).min(1, 'Choisissez au moins un événement.')),
  locale: z.enum(['fr', 'en']).default('fr'),
});

export type WebhookCreateInput = z.infer<typeof webhookCreateSchema>;

export const webhookIdSchema = z.object({ id: z.string().uuid('Webhook introuvable.') });
