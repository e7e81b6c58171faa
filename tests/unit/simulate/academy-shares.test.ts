import { describe, test, expect } from 'vitest';
import {
  getAcademyShare,
  getScopeShares,
  listShareAcademyIds,
} from '@/lib/simulate/academy-shares';
import { listSimAcademies } from '@/lib/simulate/catalog';

function regionShare(regionId: string): number {
  return listSimAcademies()
    .filter((a) => a.regionId === regionId)
    .reduce((sum, a) => sum + getAcademyShare(a.id), 0);
}

describe('getAcademyShare', () => {
  test('covers exactly the 30 académies and sums to 1', () => {
    const ids = listSimAcademies().map((a) => a.id);
    expect(listShareAcademyIds().sort()).toEqual([...ids].sort());
    expect(ids.reduce((sum, id) => sum + getAcademyShare(id), 0)).toBeCloseTo(1, 10);
  });

  test.each([
    ['ile-de-france', 0.19, 0.2],
    ['auvergne-rhone-alpes', 0.115, 0.125],
    ['hauts-de-france', 0.09, 0.1],
  ])('gives %s a share in the doc range', (regionId, min, max) => {
    expect(regionShare(regionId)).toBeGreaterThanOrEqual(min);
    expect(regionShare(regionId)).toBeLessThanOrEqual(max);
  });

  test('makes overseas académies small', () => {
    for (const a of listSimAcademies().filter((x) => x.overseas)) {
      expect(getAcademyShare(a.id)).toBeLessThan(0.02);
    }
  });

  test('throws on an unknown académie', () => {
    expect(() => getAcademyShare('atlantide')).toThrow('Académie inconnue');
  });
});

describe('getScopeShares', () => {
  test('renormalises a scope to 1, proportionally to pupils', () => {
    const shares = getScopeShares(['paris', 'versailles']);
    expect((shares.get('paris') ?? 0) + (shares.get('versailles') ?? 0)).toBeCloseTo(1, 10);
    expect(shares.get('versailles')).toBeGreaterThan(shares.get('paris') ?? 1);
  });
});
