import { ID_SLUG } from '@/lib/domain/slug';
import { z } from 'zod';
import { PROBLEM_CATEGORIES, type ProblemCategory } from '@/lib/domain/types';
import type { ErrorIssue } from '@/lib/http/errors';
import { checkInput } from '@/lib/http/zod-issues';
import { parseParisLocal } from '@/lib/calendar/paris-time';

export const MAP_QUERY_MESSAGES = {
  at_invalid: 'Date invalide : utilisez par exemple 2021-04-06T09:02 (heure de Paris).',
  at_future: 'Cette date est dans le futur.',
  platform_invalid: 'Identifiant de service invalide.',
  platform_unknown: 'Ce service n’est pas dans notre liste.',
  category_invalid: 'Type de problème invalide.',
} as const;

export type MapQueryIssueCode = keyof typeof MAP_QUERY_MESSAGES;

/** A parsed map-state query: at = null means live (now). */
export type MapStateQuery = { at: Date | null; platformId: string | null; category: ProblemCategory | null };

/** Clock skew tolerated before an instant counts as in the future (it is then read as live). */
const FUTURE_TOLERANCE_MS = 60_000;
const ISO_WITH_OFFSET = z.iso.datetime({ offset: true });
const blankToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);

const querySchema = z.object({
  at: z.preprocess(blankToUndefined, z.string().max(40).optional()),
  plateforme: z.preprocess(blankToUndefined, z.string().trim().toLowerCase().max(80).regex(ID_SLUG).optional()),
  categorie: z.preprocess(blankToUndefined, z.enum(PROBLEM_CATEGORIES).optional()),
});

const FIELD_CODES: Record<string, MapQueryIssueCode> = { at: 'at_invalid', plateforme: 'platform_invalid', categorie: 'category_invalid' };

export function mapQueryIssue(field: string, code: MapQueryIssueCode): ErrorIssue {
  return { field, code, message: MAP_QUERY_MESSAGES[code] };
}

function parseAt(text: string): Date | null {
  const local = parseParisLocal(text);
  if (local) return local;
  return ISO_WITH_OFFSET.safeParse(text).success ? new Date(text) : null;
}

/**
 * Validates `?at=&plateforme=&categorie=` (unknown parameters are ignored). `at` is a Paris
 * wall-clock time (2021-04-06T09:02) or an ISO instant with offset; absent, blank or within a
 * minute ahead of `now` = live. Whether the platform exists is checked against the catalogue later.
 */
export function parseMapStateQuery(
  params: Record<string, string | undefined>,
  now: Date,
): { ok: true; value: MapStateQuery } | { ok: false; issues: ErrorIssue[] } {
  const parsed = checkInput(querySchema, params, {
    onePerField: true,
    toIssue: (_issue, field) => mapQueryIssue(field, FIELD_CODES[field] ?? 'at_invalid'),
  });
  if (!parsed.ok) return parsed;
  const { at: atText, plateforme, categorie } = parsed.value;
  let at: Date | null = null;
  if (atText !== undefined) {
    at = parseAt(atText);
    if (!at) return { ok: false, issues: [mapQueryIssue('at', 'at_invalid')] };
    if (at.getTime() > now.getTime() + FUTURE_TOLERANCE_MS) return { ok: false, issues: [mapQueryIssue('at', 'at_future')] };
    if (at.getTime() > now.getTime()) at = null;
  }
  return { ok: true, value: { at, platformId: plateforme ?? null, category: categorie ?? null } };
}

/** The query schema of the map state, for the OpenAPI document (lib/api-v1/openapi.ts). */
export { querySchema as mapStateQuerySchema };
