import { z } from 'zod';

/** [commune name, département code, ...postal codes]; rows are sorted by population, largest first. */
export type CommuneRow = [name: string, departement: string, ...postalCodes: string[]];

export type PostalIndex = {
  v: 1;
  /** Département (or COM) code → académie id. */
  departements: Record<string, string>;
  /** Postal code → département codes (a few postal codes span two départements). */
  postal: Record<string, string[]>;
  communes: CommuneRow[];
};

export type PostalPlace = { departement: string; academy: string };

export type CommuneMatch = {
  name: string;
  departement: string;
  academy: string;
  /** First postal code of the commune (Paris: 75001). */
  postalCode: string;
  postalCodes: string[];
};

const rowSchema = z.tuple([z.string(), z.string(), z.string()], z.string());

const indexSchema = z.object({
  v: z.literal(1),
  departements: z.record(z.string(), z.string()),
  postal: z.record(z.string(), z.array(z.string())),
  communes: z.array(rowSchema),
});

/** Validates postal-index.json once it is loaded (fetched lazily by the form). */
export function parsePostalIndex(raw: unknown): PostalIndex {
  return indexSchema.parse(raw);
}

/** Lowercase, no accents, punctuation as spaces, "st"/"ste" expanded: "St-Étienne" → "saint etienne". */
export function normalizeSearchText(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .replace(/\b(st|ste)\b/g, (abbr) => (abbr === 'st' ? 'saint' : 'sainte'));
}

/** Départements and académies of a postal code ("75001", " 13 001 "); [] when unknown. */
export function lookupPostalCode(index: PostalIndex, code: string): PostalPlace[] {
  const compact = code.replace(/\s+/g, '');
  if (!/^\d{5}$/.test(compact)) return [];
  const places: PostalPlace[] = [];
  for (const departement of index.postal[compact] ?? []) {
    const academy = index.departements[departement];
    if (academy !== undefined) places.push({ departement, academy });
  }
  return places;
}

const normalizedNames = new WeakMap<PostalIndex, string[]>();

function namesOf(index: PostalIndex): string[] {
  let names = normalizedNames.get(index);
  if (!names) {
    names = index.communes.map(([name]) => normalizeSearchText(name));
    normalizedNames.set(index, names);
  }
  return names;
}

function toMatch(index: PostalIndex, row: CommuneRow): CommuneMatch | null {
  const [name, departement, ...postalCodes] = row;
  const academy = index.departements[departement];
  const postalCode = postalCodes[0];
  if (academy === undefined || postalCode === undefined) return null;
  return { name, departement, academy, postalCode, postalCodes };
}

function endsOnBoundary(name: string, query: string): boolean {
  const last = query.at(-1) ?? '';
  const next = name.charAt(query.length);
  return /\d/.test(last) ? !/\d/.test(next) : !/[a-z]/.test(next);
}

/** 0 exact, 1 prefix ending on a boundary ("marseille 1" → "1er"), 2 prefix, 3 word prefix. */
function rankOf(name: string, query: string): number {
  if (name === query) return 0;
  if (name.startsWith(query)) return endsOnBoundary(name, query) ? 1 : 2;
  if (name.includes(` ${query}`)) return 3;
  return -1;
}

/**
 * Communes whose name starts with the query (accent- and case-insensitive), then those with a word
 * starting with it, largest first; a numeric query matches postal code prefixes instead.
 */
export function searchCommunes(index: PostalIndex, query: string, limit = 10): CommuneMatch[] {
  const digits = query.replace(/\s+/g, '');
  const isPostal = /^\d{2,5}$/.test(digits);
  const needle = normalizeSearchText(query);
  if (!isPostal && needle.length < 2) return [];
  const names = namesOf(index);
  const buckets: CommuneRow[][] = [[], [], [], []];
  index.communes.forEach((row, i) => {
    const rank = isPostal
      ? row.slice(2).some((code) => code.startsWith(digits))
        ? 1
        : -1
      : rankOf(names[i] ?? '', needle);
    if (rank >= 0) buckets[rank]?.push(row);
  });
  return buckets
    .flat()
    .slice(0, Math.max(0, limit))
    .map((row) => toMatch(index, row))
    .filter((match): match is CommuneMatch => match !== null);
}
