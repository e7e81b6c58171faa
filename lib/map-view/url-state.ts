import { PROBLEM_CATEGORIES, type ProblemCategory } from '@/lib/domain/types';
import { ID_SLUG } from '@/lib/domain/slug';
import { parseParisLocal } from '@/lib/calendar/paris-time';

/** What the home page URL holds: `/?at=2021-04-06T09:02&plateforme=cned&categorie=login&academie=paris`. */
export type HomeQuery = {
  /** Paris wall-clock minute of a replayed instant; null = live. */
  at: string | null;
  platformId: string | null;
  category: ProblemCategory | null;
  academyId: string | null;
};

export type HomeQueryField = 'at' | 'plateforme' | 'categorie' | 'academie';

export const EMPTY_QUERY: HomeQuery = { at: null, platformId: null, category: null, academyId: null };

type RawParams = URLSearchParams | Record<string, string | string[] | undefined>;
type Reader<T> = (raw: string) => T | null;

// Hand-written checks rather than zod: this module runs in the browser too and zod would add 40 KB.
const LOCAL_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/;
const CATEGORIES: ReadonlySet<string> = new Set(PROBLEM_CATEGORIES);

const readSlug: Reader<string> = (raw) => {
  const v = raw.trim().toLowerCase();
  return ID_SLUG.test(v) ? v : null;
};
const readAt: Reader<string> = (raw) => {
  const v = raw.trim();
  return LOCAL_TIME.test(v) && parseParisLocal(v.slice(0, 16)) ? v.slice(0, 16) : null;
};
const readCategory: Reader<ProblemCategory> = (raw) => (CATEGORIES.has(raw.trim()) ? (raw.trim() as ProblemCategory) : null);

function first(params: RawParams, key: string): string {
  const value = params instanceof URLSearchParams ? params.get(key) : params[key];
  return (Array.isArray(value) ? value[0] : value) ?? '';
}

function field<T>(params: RawParams, key: HomeQueryField, read: Reader<T>, invalid: HomeQueryField[]): T | null {
  const raw = first(params, key);
  if (raw.trim() === '' || raw === 'toutes' || raw === 'tous') return null;
  const value = read(raw);
  if (value === null) invalid.push(key);
  return value;
}

/** Reads the home page query; an unusable value is dropped (and named in `invalid`), never fatal. */
export function parseHomeQuery(params: RawParams): { query: HomeQuery; invalid: HomeQueryField[] } {
  const invalid: HomeQueryField[] = [];
  const query: HomeQuery = {
    at: field(params, 'at', readAt, invalid),
    platformId: field(params, 'plateforme', readSlug, invalid),
    category: field(params, 'categorie', readCategory, invalid),
    academyId: field(params, 'academie', readSlug, invalid),
  };
  return { query, invalid };
}

/** `?at=…&plateforme=…&categorie=…&academie=…` in that order, empty fields left out ('' when all are). */
export function serializeHomeQuery(query: HomeQuery): string {
  const params = new URLSearchParams();
  if (query.at) params.set('at', query.at);
  if (query.platformId) params.set('plateforme', query.platformId);
  if (query.category) params.set('categorie', query.category);
  if (query.academyId) params.set('academie', query.academyId);
  const text = params.toString().replace(/%3A/gi, ':');
  return text ? `?${text}` : '';
}

/**
 * The catalogue id a `plateforme` value designates: the id itself, or the only id starting with
 * `value-` (so `cned` finds `cned-ma-classe-a-la-maison`); null when unknown or ambiguous.
 */
export function resolvePlatformParam(value: string | null, platformIds: readonly string[]): string | null {
  if (!value) return null;
  if (platformIds.includes(value)) return value;
  const candidates = platformIds.filter((id) => id.startsWith(`${value}-`));
  return candidates.length === 1 ? (candidates[0] ?? null) : null;
}
