import { describe, expect, test } from 'vitest';
import { clearLoginThrottle, LOGIN_LIMIT_PER_ACCOUNT, LOGIN_LIMIT_PER_SOURCE, LOGIN_WINDOW_MS, throttleLogin, throttleSecondFactor, SECOND_FACTOR_LIMIT } from '@/lib/auth/throttle';
import { createMemoryStore } from '@/lib/ratelimit/memory-store';

const now = new Date('2026-11-28T08:00:00Z');

describe('throttleLogin', () => {
  test('refuses the account after its limit, from any source, until the window passes', async () => {
    const store = createMemoryStore({ maxKeys: 1000 });
    for (let i = 0; i < LOGIN_LIMIT_PER_ACCOUNT; i += 1) {
      expect((await throttleLogin({ store, email: 'a@x.fr', source: `s${i}`, now })).allowed).toBe(true);
    }
    const refused = await throttleLogin({ store, email: 'A@x.fr ', source: 'new-source', now });
    expect(refused).toMatchObject({ allowed: false });
    expect(refused.allowed ? 0 : refused.retryAfterSeconds).toBeGreaterThan(0);
    const later = new Date(now.getTime() + LOGIN_WINDOW_MS + 1);
    expect((await throttleLogin({ store, email: 'a@x.fr', source: 'new-source', now: later })).allowed).toBe(true);
  });

  test('refuses one source spraying many accounts', async () => {
    const store = createMemoryStore({ maxKeys: 1000 });
    for (let i = 0; i < LOGIN_LIMIT_PER_SOURCE; i += 1) {
      expect((await throttleLogin({ store, email: `u${i}@x.fr`, source: 'one', now })).allowed).toBe(true);
    }
    expect((await throttleLogin({ store, email: 'other@x.fr', source: 'one', now })).allowed).toBe(false);
    expect((await throttleLogin({ store, email: 'other@x.fr', source: 'two', now })).allowed).toBe(true);
  });

  test('a successful sign-in clears the account count', async () => {
    const store = createMemoryStore({ maxKeys: 1000 });
    for (let i = 0; i < LOGIN_LIMIT_PER_ACCOUNT; i += 1) await throttleLogin({ store, email: 'b@x.fr', source: `s${i}`, now });
    await clearLoginThrottle(store, 'b@x.fr');
    expect((await throttleLogin({ store, email: 'b@x.fr', source: 'z', now })).allowed).toBe(true);
  });
});

describe('throttleSecondFactor', () => {
  test('limits code attempts per user', async () => {
    const store = createMemoryStore({ maxKeys: 1000 });
    for (let i = 0; i < SECOND_FACTOR_LIMIT; i += 1) expect((await throttleSecondFactor({ store, userId: 'u', now })).allowed).toBe(true);
    expect((await throttleSecondFactor({ store, userId: 'u', now })).allowed).toBe(false);
  });
});
