import { describe, expect, test } from 'vitest';
import { isMalformedPath, notFoundPathFor } from '@/lib/http/path-check';

describe('isMalformedPath', () => {
  test.each([
    ['/plateformes/%ff', true],
    ['/incidents/%c0%af', true],
    ['/api/admin/users/%ff', true],
    ['/academies/%00', true],
    ['/academies/a%00b', true],
    ['/plateformes/%', true],
    ['/plateformes/%zz', true],
    ['/plateformes/pronote', false],
    ['/plateformes/%C3%A9cole', false],
    ['/academies/aix-marseille', false],
    ['/', false],
  ])('%s → %s', (path, expected) => {
    expect(isMalformedPath(path)).toBe(expected);
  });
});

describe('notFoundPathFor', () => {
  test('keeps the English prefix', () => {
    expect(notFoundPathFor('/en/plateformes/%ff')).toBe('/en/introuvable');
    expect(notFoundPathFor('/plateformes/%ff')).toBe('/introuvable');
  });
});
