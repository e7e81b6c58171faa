import 'server-only';
import webpush from 'web-push';
import { z } from 'zod';
import { getDb } from '@/lib/db/client';
import { readOrCreateSetting } from '@/lib/db/settings';

const VAPID_KEY = 'notify_vapid';
const vapidSchema = z.object({ publicKey: z.string().min(80), privateKey: z.string().min(40) });
export type VapidKeys = z.infer<typeof vapidSchema>;

const holder = globalThis as unknown as { __vapid?: Promise<VapidKeys> | null };

/** VAPID keys generated on first use and kept in the setting table, so every instance signs with the same pair. */
export function getVapidKeys(): Promise<VapidKeys> {
  holder.__vapid ??= readOrCreateSetting(getDb(), VAPID_KEY, () => ({ ...webpush.generateVAPIDKeys() }))
    .then((value) => vapidSchema.parse(value))
    .catch((error: unknown) => {
      holder.__vapid = null;
      throw error;
    });
  return holder.__vapid;
}

/** Only the public half leaves the server. */
export async function getVapidPublicKey(): Promise<string> {
  return (await getVapidKeys()).publicKey;
}
