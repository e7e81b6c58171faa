import type { PrismaClient } from '@/lib/db/types';
import type { TickJob } from '@/lib/jobs/ticks';
import { siteOrigin } from '@/lib/seo/site';
import { getRuntimeSettings } from '@/lib/settings/runtime';
import { parseAllowedHosts } from '@/lib/webhooks/ssrf';
import { fanOutNotifications, purgeIdleNotifications, sendQueuedNotifications, type NotifySenders } from './dispatch';
import { sendNotificationMail } from './mail';
import { sendPush } from './push';
import { getVapidKeys } from './vapid';

const MAX_BATCHES_PER_RUN = 20;

/** Sends the queued notifications with web-push and the SMTP server of EMAIL_SERVER. */
export async function liveSenders(): Promise<NotifySenders> {
  const [vapid, settings] = await Promise.all([getVapidKeys(), getRuntimeSettings()]);
  const allowedHosts = parseAllowedHosts(settings.webhookAllowedHosts);
  const subject = siteOrigin() ?? 'https://ecole-en-panne.invalid';
  return { push: (target, message) => sendPush({ target, message, vapid, subject, allowedHosts }), mail: sendNotificationMail };
}

/** Every few seconds, off the intake path: incident events become queued messages, sent in batches of 500. */
export function notifyJob(db: PrismaClient): TickJob {
  return {
    name: 'notify',
    everyMs: 5_000,
    run: async (now) => {
      await fanOutNotifications(db);
      const senders = await liveSenders();
      const origin = siteOrigin() ?? 'http://localhost';
      for (let i = 0; i < MAX_BATCHES_PER_RUN; i += 1) {
        const { sent, failed, gone } = await sendQueuedNotifications(db, { now, origin, senders });
        if (sent + failed + gone === 0) break;
      }
      await purgeIdleNotifications(db, now);
    },
  };
}
