import { describe, expect, test } from 'vitest';
import { canonicalPath, isMalformedPath, notFoundPathFor } from '@/lib/http/path-check';

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

describe('canonicalPath', () => {
  test.each([
    ['/plateformes/.', '/plateformes'],
    ['/plateformes/..', '/'],
    ['/api/admin/platforms/..', '/api/admin'],
    ['/a/./b/../c', '/a/c'],
    ['/plateformes/', '/plateformes'],
    ['/../..', '/'],
    // Percent-encoded dots are dot segments for URL parsers (found by the e2e fuzzer: /incidents/%2e).
    ['/incidents/%2e', '/incidents'],
    ['/incidents/%2E', '/incidents'],
    ['/a/b/.%2e', '/a'],
    ['/a/b/%2e%2E/c', '/a/c'],
  ])('%s → %s', (path, expected) => {
    expect(canonicalPath(path)).toBe(expected);
  });

  test.each(['/', '/plateformes/pronote', '//evil.example', '/a..b/.c', '/a/%2e%2e%2e', '/a/x%2e'])('%s is left alone', (path) => {
    expect(canonicalPath(path)).toBeNull();
  });
});
