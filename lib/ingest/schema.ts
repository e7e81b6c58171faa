import { ID_SLUG } from '@/lib/domain/slug';
import { z } from 'zod';
import { PROBLEM_CATEGORIES, REPORTER_ROLES } from '@/lib/domain/types';
import { checkInput } from '@/lib/http/zod-issues';
import { REPORT_FORM_FIELDS } from '@/lib/report-client/form-fields';
import { fieldIssue, type FieldIssue, type FieldIssueCode } from './issue-messages';
import {
  COMMENT_MAX_LENGTH,
  HONEYPOT_MAX_LENGTH,
  OBSERVED_AT_MAX_AGE_MS,
  OBSERVED_AT_MAX_SKEW_MS,
  SLUG_MAX_LENGTH,
  TOKEN_PATTERN,
} from './thresholds';

export { FIELD_ISSUE_MESSAGES, type FieldIssue, type FieldIssueCode } from './issue-messages';

// C0/C1 controls except tab and newline, plus bidi overrides (they can disguise text for moderators).
const FORBIDDEN_CHARS = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/;

const slug = z.string().trim().toLowerCase().min(1).max(SLUG_MAX_LENGTH).regex(ID_SLUG);
const token = z.string().regex(TOKEN_PATTERN);

const comment = z
  .string()
  .transform((text) => text.replace(/\r\n?/g, '\n').trim())
  .pipe(
    z
      .string()
      .max(COMMENT_MAX_LENGTH)
      .refine((text) => !FORBIDDEN_CHARS.test(text), {
        params: { code: 'comment_control_chars' },
      }),
  )
  .transform((text) => (text === '' ? undefined : text));

export const reportInputSchema = z
  .object({
    platform: slug,
    academy: slug,
    category: z.enum(PROBLEM_CATEGORIES),
    role: z.enum(REPORTER_ROLES).optional(),
    comment: comment.optional(),
    idempotencyKey: token,
    observedAt: z.iso
      .datetime({ offset: true })
      .transform((iso) => new Date(iso))
      .optional(),
    deviceToken: token.optional(),
    website: z.string().max(HONEYPOT_MAX_LENGTH).optional(),
  })
  .strict();

export type ReportInput = z.infer<typeof reportInputSchema>;

/** Body of a 201/200 answer to POST /api/reports (shared by the server and the browser outbox). */
export type ReportAccepted = {
  id: string;
  status: 'accepted' | 'duplicate';
  counted: boolean;
  /** Reports for that platform in that académie in the last 30 minutes, this one included. */
  localCount: number;
  platform: string;
  academy: string;
};
export type ReportField = keyof ReportInput;
export type ParseResult = { ok: true; value: ReportInput } | { ok: false; issues: FieldIssue[] };

type FieldCodes = { required: FieldIssueCode; invalid: FieldIssueCode };

const FIELD_CODES: Record<ReportField, FieldCodes> = {
  platform: { required: 'platform_required', invalid: 'platform_invalid' },
  academy: { required: 'academy_required', invalid: 'academy_invalid' },
  category: { required: 'category_required', invalid: 'category_invalid' },
  role: { required: 'role_invalid', invalid: 'role_invalid' },
  comment: { required: 'comment_invalid', invalid: 'comment_invalid' },
  idempotencyKey: { required: 'idempotency_key_required', invalid: 'idempotency_key_invalid' },
  observedAt: { required: 'observed_at_invalid', invalid: 'observed_at_invalid' },
  deviceToken: { required: 'device_token_invalid', invalid: 'device_token_invalid' },
  website: { required: 'website_invalid', invalid: 'website_invalid' },
};

/** French names of the HTML form inputs, for the no-JS form and for showing issues next to inputs. */
export const FORM_FIELDS: Record<ReportField, string> = REPORT_FORM_FIELDS;

function isReportField(key: unknown): key is ReportField {
  return typeof key === 'string' && Object.hasOwn(FIELD_CODES, key);
}

function isBlank(value: unknown): boolean {
  return value === undefined || (typeof value === 'string' && value.trim() === '');
}

function readProperty(raw: unknown, key: string): unknown {
  if (typeof raw !== 'object' || raw === null || !Object.hasOwn(raw, key)) return undefined;
  return Reflect.get(raw, key);
}

function issueCode(issue: z.core.$ZodIssue, field: ReportField, value: unknown): FieldIssueCode {
  const codes = FIELD_CODES[field];
  if (isBlank(value)) return codes.required;
  if (issue.code === 'custom' && issue.params?.code === 'comment_control_chars') {
    return 'comment_control_chars';
  }
  if (field === 'comment' && issue.code === 'too_big') return 'comment_too_long';
  return codes.invalid;
}

function toFieldIssue(issue: z.core.$ZodIssue, field: string, raw: unknown): FieldIssue {
  if (!isReportField(field)) return fieldIssue('', 'body_invalid');
  return fieldIssue(field, issueCode(issue, field, readProperty(raw, field)));
}

function checkObservedAt(observedAt: Date | undefined, now: Date): FieldIssue | null {
  if (observedAt === undefined) return null;
  const ageMs = now.getTime() - observedAt.getTime();
  if (ageMs < -OBSERVED_AT_MAX_SKEW_MS) return fieldIssue('observedAt', 'observed_at_future');
  if (ageMs > OBSERVED_AT_MAX_AGE_MS) return fieldIssue('observedAt', 'observed_at_too_old');
  return null;
}

/** Validates a JSON report body; `ctx.now` is the server clock used to bound `observedAt`. */
export function parseReportInput(raw: unknown, ctx: { now: Date }): ParseResult {
  const parsed = checkInput(reportInputSchema, raw, {
    onePerField: true,
    unknownKey: (key) => fieldIssue(key, 'unknown_field'),
    toIssue: (issue, field) => toFieldIssue(issue, field, raw),
  });
  if (!parsed.ok) return parsed;
  const observedIssue = checkObservedAt(parsed.value.observedAt, ctx.now);
  if (observedIssue) return { ok: false, issues: [observedIssue] };
  return parsed;
}

const REQUIRED_FIELDS: ReadonlySet<ReportField> = new Set([
  'platform',
  'academy',
  'category',
  'idempotencyKey',
]);

function readFormValue(form: FormData | Record<string, string>, name: string): unknown {
  if (form instanceof FormData) return form.get(name) ?? undefined;
  return readProperty(form, name);
}

/**
 * Validates the French-named HTML form with the same schema. Other form fields (the PoW payload,
 * framework fields) are ignored; empty optional inputs count as absent.
 */
export function parseReportForm(
  form: FormData | Record<string, string>,
  ctx: { now: Date },
): ParseResult {
  const raw: Record<string, unknown> = {};
  for (const [field, name] of Object.entries(FORM_FIELDS)) {
    const value = readFormValue(form, name);
    if (value === undefined) continue;
    if (value === '' && isReportField(field) && !REQUIRED_FIELDS.has(field)) continue;
    raw[field] = value;
  }
  return parseReportInput(raw, ctx);
}
