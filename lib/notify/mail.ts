import 'server-only';
import { isMailConfigured, sendMail } from '@/lib/auth/mailer';
import { AppError } from '@/lib/http/errors';
import { siteOrigin } from '@/lib/seo/site';
import type { NotificationText, NotifyLocale } from './messages';
import { componentLogger, errorMessage } from '@/lib/log/logger';

const log = componentLogger('notify');

function link(path: string, token: string): string {
  return new URL(`${path}?jeton=${token}`, siteOrigin() ?? 'http://localhost').toString();
}

export function unsubscribeLink(token: string): string {
  return link('/api/notifications/desabonner', token);
}

/** RFC 8058: mail clients offer a one-click unsubscribe that POSTs to the link. */
function unsubscribeHeaders(token: string): Record<string, string> {
  return { 'List-Unsubscribe': `<${unsubscribeLink(token)}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' };
}

export async function sendConfirmationMail(input: { to: string; locale: NotifyLocale; confirmToken: string; unsubscribeToken: string }): Promise<void> {
  if (!isMailConfigured()) throw new AppError('unavailable', 'L’envoi d’e-mails n’est pas configuré sur ce serveur\u00a0: utilisez les notifications du navigateur.');
  const confirm = link('/api/notifications/confirmer', input.confirmToken);
  const text =
    input.locale === 'en'
      ? `Confirm that you want to be told when this service breaks down and when it works again:\n${confirm}\n\nIf you did not ask for this, ignore this message; nothing will be sent.\nUnsubscribe: ${unsubscribeLink(input.unsubscribeToken)}`
      : `Confirmez que vous voulez être prévenu quand ce service tombe en panne et quand il remarche\u00a0:\n${confirm}\n\nSi vous n’avez rien demandé, ignorez ce message\u00a0: rien ne vous sera envoyé.\nSe désabonner\u00a0: ${unsubscribeLink(input.unsubscribeToken)}`;
  const subject = input.locale === 'en' ? 'École en panne: confirm your alerts' : 'École en panne\u00a0: confirmez vos alertes';
  await sendMail({ to: input.to, subject, text, headers: unsubscribeHeaders(input.unsubscribeToken) }).catch((error: unknown) => {
    log.error({ err: errorMessage(error) }, 'confirmation e-mail not sent');
    throw new AppError('unavailable', 'L’e-mail de confirmation n’a pas pu être envoyé. Réessayez dans quelques minutes.', { retryAfterSeconds: 60 });
  });
}

export async function sendNotificationMail(input: { to: string; locale: NotifyLocale; message: NotificationText; unsubscribeToken: string }): Promise<void> {
  const stop = input.locale === 'en' ? 'Unsubscribe' : 'Se désabonner';
  const text = `${input.message.body}\n\n${input.message.url}\n\n${stop}\u00a0: ${unsubscribeLink(input.unsubscribeToken)}`;
  await sendMail({ to: input.to, subject: input.message.title, text, headers: unsubscribeHeaders(input.unsubscribeToken) });
}
