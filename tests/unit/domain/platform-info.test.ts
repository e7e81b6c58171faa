import { describe, expect, test } from 'vitest';
import { platformInfo } from '@/lib/domain/dashboard';
import type { Platform } from '@/lib/domain/types';

const platform: Platform = {
  id: 'ent-hdf',
  name: 'ENT Hauts-de-France',
  kind: 'ENT',
  scope: 'regional',
  operator: 'Région Hauts-de-France',
  academies: ['amiens', 'lille'],
  domains: ['enthdf.fr'],
  aliases: ['enthdf'],
  statusPageUrl: null,
  retiredAt: null,
};

describe('platformInfo', () => {
  test('shows what pages and the API show, in the API’s field order, without matching domains or aliases', () => {
    expect(JSON.stringify(platformInfo(platform))).toBe(
      JSON.stringify({ id: 'ent-hdf', name: 'ENT Hauts-de-France', kind: 'ENT', scope: 'regional', operator: 'Région Hauts-de-France', academies: ['amiens', 'lille'], statusPageUrl: null, retired: false }),
    );
  });

  test('a retirement date becomes the retired flag', () => {
    expect(platformInfo({ ...platform, retiredAt: new Date('2024-09-01T00:00:00Z') }).retired).toBe(true);
  });
});
