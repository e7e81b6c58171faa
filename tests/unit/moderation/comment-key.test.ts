import { describe, expect, test } from 'vitest';
import { COMMENT_KEY_MAX, commentKey, groupCommentKeys, keySimilarity } from '@/lib/domain/comment-key';

describe('commentKey', () => {
  test.each([
    ['PRONOTE ne marche pas !!!', 'pronote ne marche pas'],
    ['  pronote   ne marche pas ', 'pronote ne marche pas'],
    ['Pronote NE MARCHE PAS 😡😡', 'pronote ne marche pas'],
    ['Écran blanc depuis 9h02', 'ecran blanc depuis #h#'],
    ['ecran blanc depuis 10h15', 'ecran blanc depuis #h#'],
    ['c’est nuuuuul', 'c est nul'],
    ["c'est nul", 'c est nul'],
  ])('%j → %j', (input, key) => {
    expect(commentKey(input)).toBe(key);
  });

  test('different sentences keep different keys', () => {
    expect(commentKey('Pronote ne marche pas')).not.toBe(commentKey('Pronote marche'));
  });

  test('a comment of only punctuation or emoji still has a key', () => {
    expect(commentKey('!!! 😡')).toBe('∅');
  });

  test('keys are bounded', () => {
    expect(commentKey('a b '.repeat(500)).length).toBeLessThanOrEqual(COMMENT_KEY_MAX);
  });
});

describe('keySimilarity', () => {
  test('is 1 for equal keys, high for a typo, low for other sentences', () => {
    expect(keySimilarity('pronote ne marche pas', 'pronote ne marche pas')).toBe(1);
    expect(keySimilarity('pronote ne marche pas', 'pronote ne marche pa')).toBeGreaterThan(0.65);
    expect(keySimilarity('pronote ne marche pas', 'la visio coupe toutes les minutes')).toBeLessThan(0.2);
  });
});

describe('groupCommentKeys', () => {
  test('merges typos into the largest group and sorts by size', () => {
    const groups = groupCommentKeys([
      { key: 'la visio coupe', count: 3 },
      { key: 'pronote ne marche pas', count: 50 },
      { key: 'pronote ne marche pa', count: 2 },
      { key: 'pronote ne marhce pas', count: 4 },
    ]);
    expect(groups.map((g) => [g.lead, g.count])).toEqual([
      ['pronote ne marche pas', 56],
      ['la visio coupe', 3],
    ]);
    expect(groups[0]?.keys).toEqual(['pronote ne marche pas', 'pronote ne marhce pas', 'pronote ne marche pa']);
  });

  test('keeps distinct sentences apart and is empty for no keys', () => {
    expect(groupCommentKeys([])).toEqual([]);
    expect(groupCommentKeys([{ key: 'ent lent', count: 1 }, { key: 'notes absentes', count: 1 }])).toHaveLength(2);
  });
});
