import 'server-only';
import { parsePeriodFilter } from '@/lib/api-v1/incident-filter';
import { parseQuery } from '@/lib/api-v1/http';
import { incidentsQuery } from '@/lib/api-v1/queries';
import { listAcademiesV1, listIncidentsV1, listPlatformsV1, requireKnownScope } from '@/lib/api-v1/reads';
import { isAppError, type ErrorIssue } from '@/lib/http/errors';
import type { IncidentListItem } from '@/lib/domain/dashboard';

const FILTER_KEYS = ['plateforme', 'academie', 'de', 'a', 'niveau', 'etat', 'curseur'] as const;
export const INCIDENTS_PER_PAGE = 25;

export type IncidentsIndex = {
  /** The filters as typed (to refill the form), unknown parameters dropped. */
  values: Partial<Record<(typeof FILTER_KEYS)[number], string>>;
  items: IncidentListItem[];
  nextCursor: string | null;
  issues: ErrorIssue[];
  platforms: Array<{ id: string; name: string }>;
  academies: Array<{ id: string; name: string }>;
};

/** The /incidents page: the same filters, order and pages as GET /api/v1/incidents; bad filters become messages. */
export async function loadIncidentsIndex(searchParams: Record<string, string | string[] | undefined>): Promise<IncidentsIndex> {
  const values: IncidentsIndex['values'] = {};
  for (const key of FILTER_KEYS) {
    const v = searchParams[key];
    if (typeof v === 'string' && v.trim() !== '') values[key] = v;
  }
  const [platforms, academies] = await Promise.all([listPlatformsV1(), listAcademiesV1()]);
  const base = { values, platforms: platforms.items.map((p) => ({ id: p.id, name: p.name })), academies: academies.items.map((a) => ({ id: a.id, name: a.name })) };
  try {
    const q = parseQuery(incidentsQuery, `http://x/?${new URLSearchParams({ ...values, limite: String(INCIDENTS_PER_PAGE) })}`);
    const filter = parsePeriodFilter(q, Date.now());
    await requireKnownScope(filter);
    const page = await listIncidentsV1({ filter, cursor: q.curseur, limit: INCIDENTS_PER_PAGE });
    return { ...base, ...page, issues: [] };
  } catch (error) {
    if (!isAppError(error) || error.code !== 'invalid_input') throw error;
    return { ...base, items: [], nextCursor: null, issues: error.details?.issues ?? [] };
  }
}
