import { describe, expect, it } from 'vitest';
import { localizePath, splitLocale } from '@/lib/i18n/paths';

describe('splitLocale', () => {
  it('reads the /en prefix and leaves French paths alone', () => {
    expect(splitLocale('/en')).toEqual({ locale: 'en', path: '/' });
    expect(splitLocale('/en/')).toEqual({ locale: 'en', path: '/' });
    expect(splitLocale('/en/plateformes/cned')).toEqual({ locale: 'en', path: '/plateformes/cned' });
    expect(splitLocale('/signaler')).toEqual({ locale: 'fr', path: '/signaler' });
    expect(splitLocale('/enseignants')).toEqual({ locale: 'fr', path: '/enseignants' });
  });
});

describe('localizePath', () => {
  it('prefixes English paths and strips the prefix for French', () => {
    expect(localizePath('en', '/')).toBe('/en');
    expect(localizePath('en', '/signaler')).toBe('/en/signaler');
    expect(localizePath('en', '/?at=2021-04-06T09:02')).toBe('/en?at=2021-04-06T09:02');
    expect(localizePath('fr', '/en/signaler')).toBe('/signaler');
    expect(localizePath('en', '/en/signaler')).toBe('/en/signaler');
  });
});
