import { describe, test, expect } from 'vitest';
import { COMMENT_KEY_MEMO_MAX, commentKey, scrubComment } from '@/lib/ingest/normalize';

describe('scrubComment', () => {
  test.each([
    [
      'an e-mail',
      'écrivez-moi à jean.dupont+pronote@gmail.com merci',
      'écrivez-moi à [masqué] merci',
    ],
    ['an accented e-mail', 'contact: élodie.mère@laposte.fr', 'contact: [masqué]'],
    ['an obfuscated e-mail', 'jean [at] free.fr', '[masqué]'],
    ['a spaced mobile', 'appelez le 06 12 34 56 78 svp', 'appelez le [masqué] svp'],
    ['a dotted mobile', 'tel 06.12.34.56.78', 'tel [masqué]'],
    ['a dashed landline', 'tel 01-23-45-67-89.', 'tel [masqué].'],
    ['a compact mobile', 'tel:0612345678', 'tel:[masqué]'],
    ['a +33 number', 'mon num +33 6 12 34 56 78', 'mon num [masqué]'],
    ['a compact +33 number', '+33612345678', '[masqué]'],
    ['a 0033 number with (0)', '0033 (0)6 12 34 56 78', '[masqué]'],
    ['a Réunion mobile', 'tel 0692 12 34 56', 'tel [masqué]'],
    ['a +262 number', '+262 692 12 34 56', '[masqué]'],
    ['a Belgian number', '+32 470 12 34 56', '[masqué]'],
    ['a pupil INE', 'INE de mon fils 1234567890A', 'INE de mon fils [masqué]'],
  ])('masks %s', (_name, input, expected) => {
    expect(scrubComment(input)).toBe(expected);
  });

  test.each([
    'Depuis 8h30 impossible de se connecter',
    'ma fille en 3e au collège',
    'en panne depuis le 6 avril 2021 à 9:02',
    '15 élèves sur 28 bloqués, code erreur 503',
    'erreur 0x80070005',
    'classe de 2nde 4',
    'version 2021.4.12',
  ])('keeps ordinary numbers in "%s"', (text) => {
    expect(scrubComment(text)).toBe(text);
  });

  test('collapses whitespace and keeps at most one blank line', () => {
    expect(scrubComment('  Bonjour,\t\t la page\n\n\n\n reste   blanche  \r\n')).toBe(
      'Bonjour, la page\n\nreste blanche',
    );
  });

  test('normalises to NFC', () => {
    const decomposed = 'e\u0301le\u0300ve';
    expect(scrubComment(decomposed)).toBe('élève');
    expect(scrubComment(decomposed).length).toBe(5);
  });
});

describe('commentKey', () => {
  test('ignores case, accents, punctuation and spacing', () => {
    expect(commentKey('PRONOTE  ne marche pas !!!')).toBe(commentKey('pronote ne marche pas'));
    expect(commentKey('Élève bloqué')).toBe('eleve bloque');
  });

  test('a remembered key is the same key, before and after the memo fills up', () => {
    expect(commentKey('Élève bloqué')).toBe('eleve bloque');
    for (let i = 0; i < COMMENT_KEY_MEMO_MAX + 5; i += 1) commentKey(`commentaire ${i}`);
    expect(commentKey('Élève bloqué')).toBe('eleve bloque');
    expect(commentKey('Commentaire 7 !')).toBe('commentaire 7');
  });
});
