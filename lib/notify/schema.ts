import { z } from 'zod';
import { ID_SLUG as ID } from '@/lib/domain/slug';

const B64URL = /^[A-Za-z0-9_-]+={0,2}$/;

const filter = {
  platformId: z.string({ error: 'Choisissez un service.' }).regex(ID, { error: 'Service inconnu.' }),
  academyId: z.string().regex(ID, { error: 'Académie inconnue.' }).nullish(),
  locale: z.enum(['fr', 'en'], { error: 'Langue\u00a0: fr ou en.' }).default('fr'),
};

/** A browser PushSubscription as `PushSubscription.toJSON()` gives it. */
export const pushSubscriptionSchema = z.object({
  endpoint: z.url({ protocol: /^https?$/, error: 'Adresse de notification invalide.' }).max(1000),
  keys: z.object({
    p256dh: z.string().regex(B64URL, { error: 'Clé p256dh invalide.' }).min(80).max(100),
    auth: z.string().regex(B64URL, { error: 'Clé auth invalide.' }).min(16).max(30),
  }),
});

export const notifySubscribeSchema = z.discriminatedUnion(
  'channel',
  [
    z.object({ channel: z.literal('push'), ...filter, subscription: pushSubscriptionSchema }).strict(),
    z.object({ channel: z.literal('email'), ...filter, email: z.email({ error: 'Adresse e-mail invalide.' }).max(254) }).strict(),
  ],
  { error: 'Choisissez un canal\u00a0: push ou email.' },
);

export type NotifySubscribeInput = z.infer<typeof notifySubscribeSchema>;

export const notifyTokenSchema = z.object({
  jeton: z.string({ error: 'Jeton manquant.' }).regex(/^[A-Za-z0-9_-]{32,64}$/, { error: 'Jeton invalide.' }),
});
