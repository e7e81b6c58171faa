export type CommuneItem = { name: string; postalCode: string; departement: string; academy: string };

export type CommuneResolution =
  | { kind: 'academy'; academy: string; items: CommuneItem[] }
  | { kind: 'choose'; academies: string[]; items: CommuneItem[] }
  | { kind: 'communes'; items: CommuneItem[] }
  | { kind: 'none' };

export const COMMUNES_ENDPOINT = '/api/geo/communes';
export const COMMUNE_QUERY_MAX_LENGTH = 60;

type UnknownRecord = Record<string, unknown>;

function isRecord(value: unknown): value is UnknownRecord {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A complete French postal code ("78000", "13 001"). */
export function isPostalCode(query: string): boolean {
  return /^\d{5}$/.test(query.replace(/\s+/g, ''));
}

/** Whether a query is worth sending: a name of 2+ letters or 2+ digits of a postal code. */
export function isSearchableQuery(query: string): boolean {
  const trimmed = query.trim();
  return trimmed.length >= 2 && trimmed.length <= COMMUNE_QUERY_MAX_LENGTH;
}

/** Items of a GET /api/geo/communes answer, keeping only well-formed entries. */
export function parseCommuneItems(body: unknown): CommuneItem[] {
  if (!isRecord(body) || !Array.isArray(body.items)) return [];
  return body.items.flatMap((item: unknown) =>
    isRecord(item) &&
    typeof item.name === 'string' &&
    typeof item.postalCode === 'string' &&
    typeof item.departement === 'string' &&
    typeof item.academy === 'string'
      ? [{ name: item.name, postalCode: item.postalCode, departement: item.departement, academy: item.academy }]
      : [],
  );
}

export function listAcademiesOf(items: CommuneItem[]): string[] {
  return [...new Set(items.map((item) => item.academy))];
}

/**
 * What the search box should do with an answer: a full postal code in one académie picks it, one
 * spanning several académies offers the choice; a name lists the matching communes.
 */
export function resolveCommuneQuery(query: string, items: CommuneItem[]): CommuneResolution {
  if (items.length === 0) return { kind: 'none' };
  if (!isPostalCode(query)) return { kind: 'communes', items };
  const academies = listAcademiesOf(items);
  const [only] = academies;
  if (academies.length === 1 && only !== undefined) return { kind: 'academy', academy: only, items };
  return { kind: 'choose', academies, items };
}
