import type { PrismaClient } from '@/lib/db/types';
import { isMailConfigured, publicUrl, sendMail } from '@/lib/auth/mailer';
import type { TickJob } from '@/lib/jobs/ticks';
import { getRuntimeSettings } from '@/lib/settings/runtime';
import { siteOrigin } from '@/lib/seo/site';
import { sendWebhook } from './deliver';
import { deliverDueWebhooks, fanOutWebhooks, type DisabledNotice } from './dispatch';
import { parseAllowedHosts } from './ssrf';

async function tellOwner(notice: DisabledNotice): Promise<void> {
  if (!isMailConfigured()) return;
  await sendMail({
    to: notice.email,
    subject: 'École en panne : webhook désactivé',
    text: `Votre webhook vers ${notice.url} a été désactivé : ${notice.reason}\n\nVérifiez que votre serveur répond 2xx, puis réactivez-le depuis ${publicUrl('/admin/webhooks')}.`,
  });
}

/** Every few seconds: new incident events become deliveries, due deliveries are attempted. */
export function webhooksJob(db: PrismaClient): TickJob {
  return {
    name: 'webhooks',
    everyMs: 5_000,
    run: async (now) => {
      await fanOutWebhooks(db, { now, origin: siteOrigin() });
      const allowedHosts = parseAllowedHosts((await getRuntimeSettings()).webhookAllowedHosts);
      await deliverDueWebhooks(db, { now, send: (input) => sendWebhook({ ...input, allowedHosts }), notify: tellOwner });
    },
  };
}
