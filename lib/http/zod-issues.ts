import { z } from 'zod';
import { fr } from 'zod/locales';
import type { ErrorIssue } from './errors';

const french = fr();
// Messages a schema does not set itself are French wherever zod runs (server actions call schema.parse directly).
z.config(french);

export type IssueMapping<I extends ErrorIssue = ErrorIssue> = {
  /** The field named when an issue has no path (the body or form as a whole). */
  rootField?: string;
  /** The issue for an offending field; default: the field, zod's code and its (French) message. */
  toIssue?: (issue: z.core.$ZodIssue, field: string) => I | null;
  /** The issue for a key the schema does not know (`.strict()` schemas). */
  unknownKey?: (key: string) => I;
  /** Only the first issue of each field (the others usually follow from it). */
  onePerField?: boolean;
};

function defaultUnknownKey(key: string): ErrorIssue {
  return { field: key, code: 'unknown_field', message: `Champ inconnu\u00a0: ${key}.` };
}

/** The API's `issues` for a zod failure: one mapping for every endpoint, server action and form. */
export function zodIssues<I extends ErrorIssue = ErrorIssue>(error: z.ZodError, mapping: IssueMapping<I> = {}): I[] {
  const rootField = mapping.rootField ?? '';
  const unknownKey = mapping.unknownKey ?? (defaultUnknownKey as (key: string) => I);
  const issues: I[] = [];
  const seen = new Set<string>();
  for (const issue of error.issues) {
    if (issue.code === 'unrecognized_keys') {
      issues.push(...issue.keys.map(unknownKey));
      continue;
    }
    const field = issue.path.length > 0 ? String(issue.path[0]) : rootField;
    if (mapping.onePerField && seen.has(field)) continue;
    seen.add(field);
    const mapped = mapping.toIssue
      ? mapping.toIssue(issue, field)
      : ({ field, code: issue.code, message: issue.message } as I);
    if (mapped) issues.push(mapped);
  }
  return issues;
}

export type Checked<T, I extends ErrorIssue = ErrorIssue> = { ok: true; value: T } | { ok: false; issues: I[] };

/** `schema.safeParse` whose default messages are French, with failures mapped by `zodIssues`. */
export function checkInput<S extends z.ZodType, I extends ErrorIssue = ErrorIssue>(
  schema: S,
  value: unknown,
  mapping: IssueMapping<I> = {},
): Checked<z.output<S>, I> {
  const parsed = schema.safeParse(value, { error: french.localeError });
  if (parsed.success) return { ok: true, value: parsed.data };
  return { ok: false, issues: zodIssues(parsed.error, mapping) };
}
