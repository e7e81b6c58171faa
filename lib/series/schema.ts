import { z } from 'zod';
import { ID_SLUG } from '@/lib/domain/slug';
import type { ErrorIssue } from '@/lib/http/errors';
import { checkInput } from '@/lib/http/zod-issues';
import { parseParisLocal } from '@/lib/calendar/paris-time';
import {
  alignWindow,
  dayWindow,
  DEFAULT_PRESET,
  MAX_WINDOW_DAYS,
  presetWindow,
  WINDOW_PRESETS,
  type SeriesWindow,
} from './window';

export const SERIES_QUERY_MESSAGES = {
  scope_missing: 'Indiquez un service (plateforme) ou une académie.',
  platform_invalid: 'Identifiant de service invalide.',
  academy_invalid: 'Identifiant d’académie invalide.',
  from_invalid: 'Début invalide : utilisez par exemple 2021-04-06T08:00 (heure de Paris) ou une date ISO avec fuseau.',
  to_invalid: 'Fin invalide : utilisez par exemple 2021-04-06T12:00 (heure de Paris) ou une date ISO avec fuseau.',
  date_invalid: 'Date invalide : utilisez par exemple 2021-04-06.',
  window_invalid: 'Fenêtre invalide : choisissez 3h, 24h ou 7j.',
  window_order: 'La fin doit être après le début.',
  window_too_long: `La période ne peut pas dépasser ${MAX_WINDOW_DAYS} jours.`,
  window_out_of_range: 'Cette période est hors des dates couvertes (2000 à demain).',
} as const;

export type SeriesQueryIssueCode = keyof typeof SERIES_QUERY_MESSAGES;

export type ParsedSeriesQuery = { platformId: string | null; academyId: string | null; window: SeriesWindow };

const PARIS = 'Europe/Paris';
const DAY_MS = 86_400_000;
const EARLIEST = Date.UTC(2000, 0, 1);
const LOCAL_TIME = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const ISO_WITH_OFFSET = z.iso.datetime({ offset: true });
const blank = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const slug = z.preprocess(blank, z.string().trim().toLowerCase().max(80).regex(ID_SLUG).optional());
const text = z.preprocess(blank, z.string().trim().max(40).optional());

const querySchema = z.object({
  plateforme: slug,
  academie: slug,
  de: text,
  a: text,
  date: text,
  fenetre: z.preprocess(blank, z.enum(WINDOW_PRESETS).optional()),
});

const FIELD_CODES: Record<string, SeriesQueryIssueCode> = {
  plateforme: 'platform_invalid',
  academie: 'academy_invalid',
  de: 'from_invalid',
  a: 'to_invalid',
  date: 'date_invalid',
  fenetre: 'window_invalid',
};

export function seriesIssue(field: string, code: SeriesQueryIssueCode): ErrorIssue {
  return { field, code, message: SERIES_QUERY_MESSAGES[code] };
}

function isRealDate(date: string): boolean {
  if (!ISO_DATE.test(date)) return false;
  const t = Date.parse(`${date}T00:00:00Z`);
  return !Number.isNaN(t) && new Date(t).toISOString().slice(0, 10) === date;
}

/** A Paris wall-clock time (2021-04-06T09:02) or an ISO instant with offset, as epoch ms; null if neither. */
export function parseInstant(value: string): number | null {
  const local = LOCAL_TIME.exec(value);
  if (local) {
    return parseParisLocal(value)?.getTime() ?? null;
  }
  return ISO_WITH_OFFSET.safeParse(value).success ? Date.parse(value) : null;
}

type Result<T> = { ok: true; value: T } | { ok: false; issues: ErrorIssue[] };

type WindowParams = Pick<z.infer<typeof querySchema>, 'de' | 'a' | 'date' | 'fenetre'>;

function windowFrom(q: WindowParams, now: number): Result<SeriesWindow> {
  if (q.de !== undefined || q.a !== undefined) {
    const to = q.a === undefined ? now : parseInstant(q.a);
    const from = q.de === undefined ? (to ?? now) - DAY_MS : parseInstant(q.de);
    const issues = [...(from === null ? [seriesIssue('de', 'from_invalid')] : []), ...(to === null ? [seriesIssue('a', 'to_invalid')] : [])];
    if (from === null || to === null) return { ok: false, issues };
    if (to <= from) return { ok: false, issues: [seriesIssue('a', 'window_order')] };
    if (to - from > MAX_WINDOW_DAYS * DAY_MS) return { ok: false, issues: [seriesIssue('de', 'window_too_long')] };
    return { ok: true, value: alignWindow(from, to) };
  }
  if (q.date !== undefined) {
    if (!isRealDate(q.date)) return { ok: false, issues: [seriesIssue('date', 'date_invalid')] };
    return { ok: true, value: dayWindow(q.date, PARIS) };
  }
  return { ok: true, value: presetWindow(q.fenetre ?? DEFAULT_PRESET, now) };
}

/**
 * Validates `?plateforme=&academie=` (at least one) and the window: `de`/`a` (Paris wall-clock or
 * ISO with offset; `a` defaults to now, `de` to 24 h before `a`), else `date` (a Paris calendar
 * day), else `fenetre` (3h, 24h, 7j; default 24h). Existence of the ids is checked later.
 */
export function parseSeriesQuery(params: Record<string, string | undefined>, now: number): Result<ParsedSeriesQuery> {
  const parsed = checkInput(querySchema, params, {
    onePerField: true,
    toIssue: (_issue, field) => seriesIssue(field, FIELD_CODES[field] ?? 'window_invalid'),
  });
  if (!parsed.ok) return parsed;
  const q = parsed.value;
  if (!q.plateforme && !q.academie) return { ok: false, issues: [seriesIssue('plateforme', 'scope_missing')] };
  const window = windowFrom(q, now);
  if (!window.ok) return window;
  if (window.value.from < EARLIEST || window.value.to > now + DAY_MS) {
    return { ok: false, issues: [seriesIssue('de', 'window_out_of_range')] };
  }
  return { ok: true, value: { platformId: q.plateforme ?? null, academyId: q.academie ?? null, window: window.value } };
}

const windowSchema = querySchema.pick({ de: true, a: true, date: true, fenetre: true });

/** The window a page was asked for (same parameters as the endpoint); null when they are invalid. */
export function parseWindowParams(params: Record<string, string | undefined>, now: number): SeriesWindow | null {
  const parsed = windowSchema.safeParse(params);
  if (!parsed.success) return null;
  const window = windowFrom(parsed.data, now);
  if (!window.ok || window.value.from < EARLIEST || window.value.to > now + DAY_MS) return null;
  return window.value;
}

/** The query schema of the series, for the OpenAPI document (lib/api-v1/openapi.ts). */
export { querySchema as seriesQuerySchema };
