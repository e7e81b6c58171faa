import { describe, test, expect } from 'vitest';
import { getSimPlatform, listSimPlatforms } from '@/lib/simulate/catalog';
import { getPeakRate } from '@/lib/simulate/platform-rates';

describe('getPeakRate', () => {
  test.each([
    ['pronote', 0.3],
    ['ecoledirecte', 0.08],
    ['cned-ma-classe-a-la-maison', 0.05],
    ['monlycee-net', 0.06],
    ['ent-hauts-de-france', 0.03],
    ['mon-ent-occitanie', 0.03],
    ['mon-bureau-numerique', 0.03],
    ['lycee-connecte', 0.03],
    ['leduc-de-normandie', 0.015],
    ['netocentre', 0.015],
  ])('uses the doc rate for %s', (id, rate) => {
    expect(getPeakRate(id, getSimPlatform(id).scope)).toBe(rate);
  });

  test('gives every catalogue platform a positive rate below Pronote’s', () => {
    expect(listSimPlatforms()).toHaveLength(41);
    for (const p of listSimPlatforms()) {
      expect(getPeakRate(p.id, p.scope)).toBeGreaterThan(0);
      expect(getPeakRate(p.id, p.scope)).toBeLessThanOrEqual(0.3);
    }
  });
});

describe('getSimPlatform', () => {
  test('throws on an unknown platform', () => {
    expect(() => getSimPlatform('minitel')).toThrow('Plateforme inconnue');
  });
});
