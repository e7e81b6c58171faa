import { z } from 'zod';
import { AppError } from '@/lib/http/errors';
import { json } from '@/lib/http/respond';
import { requireReadAccess } from '@/lib/auth/read-access';
import { route } from '@/lib/http/route';
import postalIndexJson from '@/lib/geo/data/postal-index.json';
import { parsePostalIndex, searchCommunes, type CommuneMatch, type PostalIndex } from '@/lib/geo/postal-code';

const MAX_ITEMS = 10;

const querySchema = z.object({ q: z.string().trim().min(1).max(60) });

let postalIndex: PostalIndex | null = null;

function getPostalIndex(): PostalIndex {
  postalIndex ??= parsePostalIndex(postalIndexJson);
  return postalIndex;
}

/** The commune's postal code that matches a numeric query (Paris 15e for "75015"), else its first one. */
function postalCodeFor(match: CommuneMatch, query: string): string {
  const digits = query.replace(/\s+/g, '');
  return match.postalCodes.find((code) => /^\d+$/.test(digits) && code.startsWith(digits)) ?? match.postalCode;
}

/** Up to MAX_ITEMS matches; for a full postal code, at least one commune of each académie it spans. */
function pickMatches(index: PostalIndex, q: string): CommuneMatch[] {
  const isFullPostalCode = /^\d{5}$/.test(q.replace(/\s+/g, ''));
  const matches = searchCommunes(index, q, isFullPostalCode ? 500 : MAX_ITEMS);
  if (!isFullPostalCode) return matches;
  const seen = new Set<string>();
  const firsts = matches.filter((m) => !seen.has(m.academy) && seen.add(m.academy));
  const kept = new Set(firsts);
  for (const match of matches) if (kept.size < MAX_ITEMS) kept.add(match);
  return matches.filter((m) => kept.has(m));
}

/** Communes (and their académie) matching a postal code or a name, for the report form's search box. */
export const GET = route(async (req: Request) => {
  await requireReadAccess(req);
  const parsed = querySchema.safeParse(Object.fromEntries(new URL(req.url).searchParams));
  if (!parsed.success) {
    throw new AppError('invalid_input', 'Indiquez un code postal ou un nom de commune (60 caractères au plus).', {
      issues: [{ field: 'q', code: 'query_invalid', message: 'Code postal ou commune invalide.' }],
    });
  }
  const { q } = parsed.data;
  const items = pickMatches(getPostalIndex(), q).map((match) => ({
    name: match.name,
    postalCode: postalCodeFor(match, q),
    departement: match.departement,
    academy: match.academy,
  }));
  return json({ items }, { headers: { 'cache-control': 'public, max-age=86400' } });
});
