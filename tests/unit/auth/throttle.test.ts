import { describe, expect, test } from 'vitest';
import {
  clearLoginThrottle,
  LOGIN_LIMIT_PER_ACCOUNT,
  LOGIN_LIMIT_PER_SOURCE,
  LOGIN_WINDOW_MS,
  RESET_MAIL_LIMIT_PER_ACCOUNT,
  throttleLogin,
  throttleResetMail,
  throttleSecondFactor,
  SECOND_FACTOR_LIMIT,
} from '@/lib/auth/throttle';
import { createMemoryStore } from '@/lib/ratelimit/memory-store';

const now = new Date('2026-11-28T08:00:00Z');

describe('throttleLogin', () => {
  test('guards the account after its limit, from any source, but never refuses it outright', async () => {
    const store = createMemoryStore({ maxKeys: 1000 });
    for (let i = 0; i < LOGIN_LIMIT_PER_ACCOUNT; i += 1) {
      expect(await throttleLogin({ store, email: 'a@x.fr', source: `s${i}`, now })).toEqual({ allowed: true, guarded: false });
    }
    expect(await throttleLogin({ store, email: 'A@x.fr ', source: 'new-source', now })).toEqual({ allowed: true, guarded: true });
    const later = new Date(now.getTime() + LOGIN_WINDOW_MS + 1);
    expect(await throttleLogin({ store, email: 'a@x.fr', source: 'new-source', now: later })).toEqual({ allowed: true, guarded: false });
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
    expect(await throttleLogin({ store, email: 'b@x.fr', source: 'z', now })).toEqual({ allowed: true, guarded: false });
  });
});

describe('throttleResetMail', () => {
  test('is not blocked by failed sign-ins on the account, and limits e-mails per account', async () => {
    const store = createMemoryStore({ maxKeys: 1000 });
    for (let i = 0; i < LOGIN_LIMIT_PER_ACCOUNT + 5; i += 1) await throttleLogin({ store, email: 'c@x.fr', source: `s${i}`, now });
    for (let i = 0; i < RESET_MAIL_LIMIT_PER_ACCOUNT; i += 1) {
      expect((await throttleResetMail({ store, email: 'c@x.fr', source: `r${i}`, now })).allowed).toBe(true);
    }
    expect((await throttleResetMail({ store, email: 'c@x.fr', source: 'other', now })).allowed).toBe(false);
  });
});

describe('throttleSecondFactor', () => {
  test('limits code attempts per user', async () => {
    const store = createMemoryStore({ maxKeys: 1000 });
    for (let i = 0; i < SECOND_FACTOR_LIMIT; i += 1) expect((await throttleSecondFactor({ store, userId: 'u', now })).allowed).toBe(true);
    expect((await throttleSecondFactor({ store, userId: 'u', now })).allowed).toBe(false);
  });
});
