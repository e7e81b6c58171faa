import type { z } from 'zod';
import { AppError } from '@/lib/http/errors';
import { checkInput } from '@/lib/http/zod-issues';
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
    return { input: parseOrThrow(notifySubscribeSchema, form), backTo: safeBackTo(retour) };
  }
  if (type !== 'application/json') throw new AppError('unsupported_media_type', 'Type de contenu non accepté\u00a0: envoyez application/json.');
  let raw: unknown;
  try {
    raw = JSON.parse(input.body);
  } catch {
    throw new AppError('invalid_input', 'Corps JSON invalide.');
  }
  return { input: parseOrThrow(notifySubscribeSchema, raw), backTo: null };
}

/** The `jeton` query parameter of a confirm or unsubscribe link. */
export function parseToken(url: string): string {
  return parseOrThrow(notifyTokenSchema, Object.fromEntries(new URL(url).searchParams)).jeton;
}

/** zod failures become `invalid_input` with one issue per field; codes are `<field>_invalid` (or `unknown_field`). */
function parseOrThrow<T extends z.ZodType>(schema: T, value: unknown): z.infer<T> {
  const parsed = checkInput(schema, value, {
    toIssue: (issue) => {
      const field = issue.path.join('.') || 'body';
      return { field, code: `${field.replace(/\W+/g, '_')}_invalid`, message: issue.message };
    },
  });
  if (parsed.ok) return parsed.value;
  throw new AppError('invalid_input', parsed.issues.map((i) => i.message).join(' '), { issues: parsed.issues });
}
