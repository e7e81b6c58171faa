import { describe, expect, test } from 'vitest';
import { badgeCode, embedPath, iframeCode, parseEmbedOptions } from '@/lib/embed/embed-code';

const platforms = new Set(['pronote', 'cned-ma-classe-a-la-maison']);
const academies = new Set(['creteil', 'lille']);

describe('parseEmbedOptions', () => {
  test('defaults to the live map of every service, in French', () => {
    expect(parseEmbedOptions({}, platforms, academies)).toEqual({ kind: 'carte', platformId: null, academyId: null, locale: 'fr', height: 520 });
  });
  test('a service card in one académie, in English, with its height', () => {
    expect(parseEmbedOptions({ type: 'service', plateforme: 'pronote', academie: 'creteil', langue: 'en', hauteur: '200' }, platforms, academies)).toEqual({ kind: 'service', platformId: 'pronote', academyId: 'creteil', locale: 'en', height: 200 });
  });
  test('drops unknown or hostile values instead of failing', () => {
    const o = parseEmbedOptions({ type: 'service', plateforme: '"><script>', academie: 'atlantide', hauteur: '99999', langue: ['en', 'fr'] }, platforms, academies);
    expect(o).toEqual({ kind: 'carte', platformId: null, academyId: null, locale: 'fr', height: 520 });
  });
});

describe('iframeCode / badgeCode', () => {
  test('writes an absolute, titled, lazy iframe pointing at the framable page', () => {
    const options = parseEmbedOptions({ type: 'service', plateforme: 'pronote', academie: 'lille' }, platforms, academies);
    expect(embedPath(options)).toBe('/integrer/service/pronote?academie=lille');
    expect(iframeCode({ origin: 'https://ecole.example.org', options, title: 'École en panne : "PRONOTE"' })).toBe(
      '<iframe src="https://ecole.example.org/integrer/service/pronote?academie=lille" title="École en panne : &quot;PRONOTE&quot;" width="100%" height="180" style="border:0" loading="lazy" referrerpolicy="strict-origin-when-cross-origin"></iframe>',
    );
    expect(embedPath({ ...options, kind: 'carte', locale: 'en' })).toBe('/en/integrer/carte?plateforme=pronote');
  });
  test('the badge code names the service in its alt text', () => {
    expect(badgeCode({ origin: 'https://e.example', platformId: 'pronote', academyId: 'lille', alt: 'PRONOTE', locale: 'en' })).toBe('<img src="https://e.example/badges/pronote/lille.svg?langue=en" alt="PRONOTE" height="20">');
  });
});
