import { PROBLEM_CATEGORIES, type ProblemCategory } from '@/lib/domain/types';

export type BreakdownRow = { category: ProblemCategory; count: number; share: number };

function isCategory(value: string): value is ProblemCategory {
  return (PROBLEM_CATEGORIES as readonly string[]).includes(value);
}

/**
 * Counts per problem category, largest first (catalogue order on ties), with each one's share of
 * the total (0..1); unknown categories count as 'other', empty ones are left out.
 */
export function categoryBreakdown(counts: Readonly<Record<string, number>>): BreakdownRow[] {
  const merged = new Map<ProblemCategory, number>();
  for (const [key, value] of Object.entries(counts)) {
    if (!(value > 0)) continue;
    const category = isCategory(key) ? key : 'other';
    merged.set(category, (merged.get(category) ?? 0) + value);
  }
  const total = [...merged.values()].reduce((a, b) => a + b, 0);
  return [...merged]
    .map(([category, count]) => ({ category, count, share: total > 0 ? count / total : 0 }))
    .sort((a, b) => b.count - a.count || PROBLEM_CATEGORIES.indexOf(a.category) - PROBLEM_CATEGORIES.indexOf(b.category));
}
