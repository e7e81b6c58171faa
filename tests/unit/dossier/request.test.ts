import { describe, expect, test } from 'vitest';
import { periodBounds } from '@/lib/dossier/period';
import { dossierRequestSchema } from '@/lib/dossier/schema';
import { cellKey, suppressedCells } from '@/lib/dossier/files';

describe('periodBounds', () => {
  test('runs from Paris midnight to the Paris midnight after the last day, across a DST change', () => {
    expect(periodBounds('2021-04-06', '2021-04-06')).toEqual({ from: new Date('2021-04-05T22:00:00Z'), to: new Date('2021-04-06T22:00:00Z') });
    expect(periodBounds('2021-03-27', '2021-03-28')).toEqual({ from: new Date('2021-03-26T23:00:00Z'), to: new Date('2021-03-28T22:00:00Z') });
  });
});

describe('dossierRequestSchema', () => {
  const base = { title: 'T', platforms: ['pronote'], from: '2021-04-01', to: '2021-04-07' };

  test('fills defaults', () => {
    expect(dossierRequestSchema.parse(base)).toEqual({ ...base, notes: '', academies: [], k: null });
  });

  test.each([
    [{ ...base, to: '2021-03-01' }, 'La fin de la période précède son début.'],
    [{ ...base, to: '2021-12-31' }, 'Période de 92 jours au plus.'],
    [{ ...base, platforms: [] }, 'Choisissez au moins un service.'],
    [{ ...base, platforms: ['../etc'] }, 'identifiant invalide'],
    [{ ...base, k: 1 }, null],
    [{ ...base, extra: 1 }, null],
  ])('refuses %j', (input, message) => {
    const result = dossierRequestSchema.safeParse(input);
    expect(result.success).toBe(false);
    if (message) expect(result.error?.issues.map((i) => i.message)).toContain(message);
  });
});

describe('suppressedCells', () => {
  const hour = (at: string) => Math.floor(Date.parse(at) / 3_600_000);
  test('removes service × académie × hour cells with fewer than k reports, and nothing without k', () => {
    const cells = [
      { platformId: 'pronote', academyId: 'lille', hour: hour('2021-04-06T07:01:00.000Z'), reports: 2 },
      { platformId: 'pronote', academyId: 'lyon', hour: hour('2021-04-06T07:10:00.000Z'), reports: 1 },
    ];
    expect(suppressedCells(cells, null).size).toBe(0);
    expect([...suppressedCells(cells, 2)]).toEqual([cellKey('pronote', 'lyon', Date.parse('2021-04-06T07:59:59.999Z'))]);
  });
});
