import { AppError } from '@/lib/http/errors';
import { notifySubscribeSchema, notifyTokenSchema, type NotifySubscribeInput } from './schema';

export const NOTIFY_BODY_LIMIT_BYTES = 4096;

export type SubscribeRequest = { input: NotifySubscribeInput; backTo: string | null };

/** A same-site path to return to after a plain form POST (never an absolute URL: no open redirect). */
function safeBackTo(value: unknown): string | null {
  return typeof value === 'string' && /^\/(?![/\\])[^\s]{0,300}$/.test(value) ? value : null;
}

/** JSON from the script, or a plain HTML form (e-mail, no JavaScript) that is redirected back to its page. */
export function parseSubscribeRequest(input: { contentType: string | null; body: string }): SubscribeRequest {
  const type = (input.contentType ?? '').split(';')[0]?.trim().toLowerCase();
  if (type === 'application/x-www-form-urlencoded') {
    const { retour, ...fields } = Object.fromEntries(new URLSearchParams(input.body));
    const form = { channel: 'email', ...fields, academyId: fields.academyId || null };
    return { input: notifySubscribeSchema.parse(form), backTo: safeBackTo(retour) };
  }
  if (type !== 'application/json') throw new AppError('unsupported_media_type', 'Type de contenu non accepté\u00a0: envoyez application/json.');
  let raw: unknown;
  try {
    raw = JSON.parse(input.body);
  } catch {
    throw new AppError('invalid_input', 'Corps JSON invalide.');
  }
  return { input: notifySubscribeSchema.parse(raw), backTo: null };
}

/** The `jeton` query parameter of a confirm or unsubscribe link. */
export function parseToken(url: string): string {
  return notifyTokenSchema.parse(Object.fromEntries(new URL(url).searchParams)).jeton;
}
