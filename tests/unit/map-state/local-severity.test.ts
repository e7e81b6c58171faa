import { describe, expect, test } from 'vitest';
import { academySeverity, standsOut, tagNational } from '@/lib/map-state/local-severity';
import type { AcademyPlatformState } from '@/lib/map-state/types';

const entry = (platformId: string, severity: AcademyPlatformState['severity'], reporters: number, expected: number): AcademyPlatformState => ({
  platformId,
  severity,
  reporters,
  expected,
});

const CNED_TOTALS = new Map([['cned', { reporters: 3000, expected: 100 }]]);

describe('standsOut', () => {
  test('is true when the ratio here is at least three times the national ratio, with enough reporters', () => {
    expect(standsOut({ reporters: 400, expected: 4 }, { reporters: 3000, expected: 100 })).toBe(true);
    expect(standsOut({ reporters: 100, expected: 4 }, { reporters: 3000, expected: 100 })).toBe(false);
  });

  test('is false with fewer than five reporters, whatever the ratio', () => {
    expect(standsOut({ reporters: 4, expected: 0 }, { reporters: 10, expected: 100 })).toBe(false);
  });
});

describe('tagNational', () => {
  test('marks a national outage felt at the national level, and one that stands out here', () => {
    const tagged = tagNational([entry('cned', 'panne', 100, 4), entry('ent', 'panne', 50, 1)], CNED_TOTALS);
    expect(tagged).toEqual([
      { ...entry('cned', 'panne', 100, 4), national: true, standsOut: false },
      entry('ent', 'panne', 50, 1),
    ]);
    expect(tagNational([entry('cned', 'panne', 400, 4)], CNED_TOTALS)[0]).toMatchObject({ national: false, standsOut: true });
  });

  test('leaves normal entries untagged (no incident there)', () => {
    expect(tagNational([{ ...entry('cned', 'normal', 3, 4), national: true }], CNED_TOTALS)).toEqual([entry('cned', 'normal', 3, 4)]);
  });
});

describe('academySeverity', () => {
  const national = { ...entry('cned', 'panne', 100, 4), national: true };

  test('with every service shown, leaves a national outage out: the académie shows what is wrong there', () => {
    expect(academySeverity([national, entry('ent', 'perturbe', 20, 2)], true)).toMatchObject({ severity: 'perturbe', nationalSeverity: 'panne' });
    expect(academySeverity([national], true)).toEqual({ severity: 'normal', intensity: 0, nationalSeverity: 'panne' });
  });

  test('with one service shown, the national outage counts', () => {
    expect(academySeverity([national], false).severity).toBe('panne');
    expect(academySeverity([national], false).intensity).toBeGreaterThan(0);
  });

  test('a national service standing out here counts as local', () => {
    const out = { ...entry('cned', 'panne', 400, 4), national: false, standsOut: true };
    expect(academySeverity([out], true).severity).toBe('panne');
  });
});
