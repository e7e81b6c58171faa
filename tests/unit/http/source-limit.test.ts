import { describe, expect, test } from 'vitest';
import { createSourceLimit } from '@/lib/http/source-limit';

describe('createSourceLimit', () => {
  test('refuses a source past its own cap; other sources are not affected', () => {
    const limit = createSourceLimit({ perSource: 2 });
    expect(limit.tryAcquire('a')).not.toBeNull();
    expect(limit.tryAcquire('a')).not.toBeNull();
    expect(limit.tryAcquire('a')).toBeNull();
    expect(limit.tryAcquire('b')).not.toBeNull();
    expect(limit.count('a')).toBe(2);
    expect(limit.count()).toBe(3);
  });

  test('a released slot can be taken again, and releasing twice frees one slot only', () => {
    const limit = createSourceLimit({ perSource: 1 });
    const release = limit.tryAcquire('a');
    release?.();
    release?.();
    expect(limit.count()).toBe(0);
    expect(limit.tryAcquire('a')).not.toBeNull();
    expect(limit.tryAcquire('a')).toBeNull();
  });

  test('keeps the last slots of the global cap for sources holding none', () => {
    const limit = createSourceLimit({ perSource: 100, max: 10, reserve: 3 });
    for (let i = 0; i < 7; i++) expect(limit.tryAcquire('greedy')).not.toBeNull();
    expect(limit.tryAcquire('greedy')).toBeNull();
    expect(limit.tryAcquire('new-1')).not.toBeNull();
    expect(limit.tryAcquire('new-1')).toBeNull();
    expect(limit.tryAcquire('new-2')).not.toBeNull();
    expect(limit.tryAcquire('new-3')).not.toBeNull();
    expect(limit.tryAcquire('new-4')).toBeNull();
  });
});
