import { describe, expect, test } from 'vitest';
import { boundedMemo } from '@/lib/domain/bounded-memo';

describe('boundedMemo', () => {
  test('computes a key once, keeps at most max keys, and stays right past the bound', () => {
    const calls: string[] = [];
    const length = boundedMemo(2, (k) => (calls.push(k), k.length));
    expect([length('a'), length('a'), length('bb')]).toEqual([1, 1, 2]);
    expect(calls).toEqual(['a', 'bb']);
    expect(length('ccc')).toBe(3); // full: emptied, then 'ccc' kept
    expect(length('a')).toBe(1);
    expect(calls).toEqual(['a', 'bb', 'ccc', 'a']);
  });
});
