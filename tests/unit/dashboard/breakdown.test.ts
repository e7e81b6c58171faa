import { describe, expect, test } from 'vitest';
import { categoryBreakdown } from '@/lib/dashboard/breakdown';

describe('categoryBreakdown', () => {
  test('largest first with shares; unknown categories count as other; zeros dropped', () => {
    expect(categoryBreakdown({ slow: 2, login: 5, mystery: 1, other: 2, unreachable: 0 })).toEqual([
      { category: 'login', count: 5, share: 0.5 },
      { category: 'other', count: 3, share: 0.3 },
      { category: 'slow', count: 2, share: 0.2 },
    ]);
  });

  test('ties follow the catalogue order; empty input gives no rows', () => {
    expect(categoryBreakdown({ slow: 1, unreachable: 1 }).map((r) => r.category)).toEqual(['unreachable', 'slow']);
    expect(categoryBreakdown({})).toEqual([]);
  });
});
