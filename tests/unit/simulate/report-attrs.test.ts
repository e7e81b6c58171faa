import { describe, test, expect } from 'vitest';
import { PROBLEM_CATEGORIES } from '@/lib/domain/types';
import { formatSince, PHRASES } from '@/lib/simulate/phrases';
import { createSourceId, pickCategory, pickComment } from '@/lib/simulate/report-attrs';
import { createRng } from '@/lib/simulate/rng';

describe('formatSince', () => {
  test.each([
    [510, '8h30'],
    [542, '9h02'],
    [840, '14h'],
    [0, '0h'],
  ])('formats minute %i as %s', (minute, label) => {
    expect(formatSince(minute)).toBe(label);
  });
});

describe('pickComment', () => {
  test.each(PROBLEM_CATEGORIES)('has a phrase for %s usable without a start time', (category) => {
    expect(PHRASES[category].some((p) => !p.includes('{since}'))).toBe(true);
  });

  test('fills the outage start time and never leaves a placeholder', () => {
    const rng = createRng(1);
    const comments = Array.from({ length: 2000 }, () =>
      pickComment({ rng, category: 'login', isOutage: true, since: '8h30' }),
    ).filter((c) => c !== undefined);
    expect(comments.length / 2000).toBeGreaterThan(0.15);
    expect(comments).toContain('Impossible de me connecter depuis 8h30');
    expect(comments.some((c) => c.includes('{'))).toBe(false);
  });

  test('comments rarely on background reports and skips time phrases', () => {
    const rng = createRng(2);
    const comments = Array.from({ length: 5000 }, () =>
      pickComment({ rng, category: 'login', isOutage: false }),
    ).filter((c) => c !== undefined);
    expect(comments.length / 5000).toBeLessThan(0.05);
    expect(comments.some((c) => c.includes('depuis'))).toBe(false);
  });
});

describe('pickCategory', () => {
  test.each([
    ['slow_burn', ['slow'], 0.5],
    ['attack', ['unreachable', 'login', 'error_page'], 0.8],
    ['saturation', ['unreachable', 'login', 'error_page'], 0.8],
  ] as const)('mostly picks %s categories', (kind, expected, minShare) => {
    const rng = createRng(3);
    const picks = Array.from({ length: 5000 }, () => pickCategory(rng, kind));
    const share = picks.filter((c) => (expected as readonly string[]).includes(c)).length / 5000;
    expect(share).toBeGreaterThan(minShare);
  });
});

describe('createSourceId', () => {
  test('returns distinct ids with a prefix', () => {
    const rng = createRng(4);
    const ids = Array.from({ length: 10_000 }, () => createSourceId(rng));
    expect(new Set(ids).size).toBe(10_000);
    expect(ids[0]).toMatch(/^p-[0-9a-z]{12}$/);
  });
});
