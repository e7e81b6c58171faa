import 'server-only';
import { createTransport, type Transporter } from 'nodemailer';
import { env } from '@/lib/env';

export type OutgoingMail = { to: string; subject: string; text: string; headers?: Record<string, string> };

const holder = globalThis as unknown as { __mailer?: Transporter };

/** True when EMAIL_SERVER and EMAIL_FROM are set: magic links and self-service reset by e-mail. */
export function isMailConfigured(): boolean {
  return Boolean(env.EMAIL_SERVER && env.EMAIL_FROM);
}

export async function sendMail(mail: OutgoingMail): Promise<void> {
  if (!env.EMAIL_SERVER || !env.EMAIL_FROM) throw new Error('EMAIL_SERVER / EMAIL_FROM non configurés.');
  holder.__mailer ??= createTransport(env.EMAIL_SERVER);
  const result = await holder.__mailer.sendMail({ from: env.EMAIL_FROM, ...mail });
  if (result.rejected?.length) throw new Error('Adresse refusée par le serveur SMTP.');
}

/** The public URL of a path, for links sent by e-mail (never derived from the request's Host header). */
export function publicUrl(path: string): string {
  if (!env.NEXTAUTH_URL) throw new Error('NEXTAUTH_URL est requis pour envoyer des liens par e-mail.');
  return new URL(path, env.NEXTAUTH_URL).toString();
}
