/** Longest key kept: past it two comments are "the same sentence" if they start the same way. */
export const COMMENT_KEY_MAX = 160;

/**
 * The group key of a comment: near-identical comments (case, accents, punctuation, emoji, repeated
 * letters, spacing, digits) share it. "PRONOTE ne marche pas !!!" and "pronote ne marche pas" → same key.
 */
export function commentKey(comment: string): string {
  const key = comment
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[’']/g, ' ')
    .replace(/\d+/g, '#')
    .replace(/[^\p{L}#]+/gu, ' ')
    .replace(/(\p{L})\1{2,}/gu, '$1')
    .trim()
    .replace(/\s+/g, ' ')
    .slice(0, COMMENT_KEY_MAX)
    .trim();
  return key === '' ? '∅' : key;
}

function trigrams(key: string): Set<string> {
  const padded = `  ${key} `;
  const grams = new Set<string>();
  for (let i = 0; i + 3 <= padded.length; i += 1) grams.add(padded.slice(i, i + 3));
  return grams;
}

/** Jaccard similarity of the character trigrams of two keys, in [0, 1] (pg_trgm's measure). */
export function keySimilarity(a: string, b: string): number {
  if (a === b) return 1;
  const ga = trigrams(a);
  const gb = trigrams(b);
  let shared = 0;
  for (const gram of ga) if (gb.has(gram)) shared += 1;
  const union = ga.size + gb.size - shared;
  return union === 0 ? 0 : shared / union;
}

/** Two keys this close are one sentence with a typo or a word more ("ne marche pas" / "ne marche plus"). */
export const SIMILAR_KEYS = 0.65;

export type KeyCount = { key: string; count: number };
export type CommentGroup = { keys: string[]; count: number; lead: string };

/**
 * Groups near-identical comments: keys are merged into the largest similar group already formed
 * (greedy, largest first, so a big group absorbs its typos). Sorted by size, largest first.
 */
export function groupCommentKeys(keys: readonly KeyCount[], threshold = SIMILAR_KEYS): CommentGroup[] {
  const sorted = [...keys].sort((a, b) => b.count - a.count || (a.key < b.key ? -1 : 1));
  const groups: CommentGroup[] = [];
  for (const { key, count } of sorted) {
    const home = groups.find((g) => keySimilarity(g.lead, key) >= threshold);
    if (home) {
      home.keys.push(key);
      home.count += count;
    } else {
      groups.push({ keys: [key], count, lead: key });
    }
  }
  return groups.sort((a, b) => b.count - a.count);
}
