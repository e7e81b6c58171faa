import { describe, expect, it } from 'vitest';
import { MESSAGES } from '@/messages';

type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else for (const [k, v] of flatten(value, path)) out.set(k, v);
  }
  return out;
}

const fr = flatten(MESSAGES.fr as unknown as Tree);
const en = flatten(MESSAGES.en as unknown as Tree);

describe('messages', () => {
  it('English has exactly the French keys', () => {
    expect([...en.keys()].sort()).toEqual([...fr.keys()].sort());
  });

  it('no message is empty', () => {
    for (const [key, value] of [...fr, ...en]) expect(value.trim(), key).not.toBe('');
  });

  it('French uses a non-breaking space before ; : ! ? » and after «', () => {
    // ICU placeholders like {count, plural, …} and URLs are not prose: leave them out of the check.
    for (const [key, raw] of fr) {
      const prose = raw.replace(/\{[^{}]*\}/g, 'x').replace(/https?:\/\/\S+/g, '');
      expect(prose, key).not.toMatch(/ [;:!?»]/u);
      expect(prose, key).not.toMatch(/[^\s\u00a0\u202f][;!?»]/u);
      expect(prose, key).not.toMatch(/[^\s\d\u00a0\u202f]:/u);
      expect(prose, key).not.toMatch(/«[^\u00a0\u202f]/u);
    }
  });
});
