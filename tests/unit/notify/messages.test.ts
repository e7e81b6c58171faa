import { describe, expect, test } from 'vitest';
import { buildNotification, idleCutoff, isGonePushStatus, notifyStateOf, toNotifyLocale } from '@/lib/notify/messages';
import { parseSubscribeRequest } from '@/lib/notify/request';

describe('notifyStateOf', () => {
  test.each([
    ['started', 'down'],
    ['detected', 'down'],
    ['closed', 'up'],
    ['academy_joined', null],
    ['peak', null],
  ])('maps %s to %s', (kind, state) => expect(notifyStateOf(kind)).toBe(state));
});

describe('buildNotification', () => {
  test('says « panne détectée » in French and links to the incident page', () => {
    expect(buildNotification({ state: 'down', locale: 'fr', platformName: 'PRONOTE', incidentId: 'abc', origin: 'https://e.example' })).toMatchObject({ title: 'PRONOTE\u00a0: panne détectée', url: 'https://e.example/incidents/abc' });
  });
  test('speaks English under /en when subscribed in English', () => {
    expect(buildNotification({ state: 'up', locale: 'en', platformName: 'PRONOTE', incidentId: 'abc', origin: 'https://e.example' })).toMatchObject({ title: 'PRONOTE is working again', url: 'https://e.example/en/incidents/abc' });
  });
  test('falls back to French for an unknown locale', () => expect(toNotifyLocale('de')).toBe('fr'));
});

describe('retention and gone endpoints', () => {
  test('the idle cutoff is about six months before now', () => {
    const now = new Date('2026-12-07T00:00:00Z');
    expect(idleCutoff(now).toISOString().slice(0, 7)).toBe('2026-06');
  });
  test.each([[404, true], [410, true], [429, false], [500, false]])('status %i gone: %s', (status, gone) => expect(isGonePushStatus(status)).toBe(gone));
});

describe('parseSubscribeRequest', () => {
  test('refuses an absolute return URL (no open redirect)', () => {
    const body = new URLSearchParams({ platformId: 'pronote', email: 'a@example.org', retour: '//evil.example' }).toString();
    expect(parseSubscribeRequest({ contentType: 'application/x-www-form-urlencoded', body }).backTo).toBeNull();
  });
  test('reports an unknown JSON field with a stable code', () => {
    expect(() => parseSubscribeRequest({ contentType: 'application/json', body: JSON.stringify({ channel: 'email', platformId: 'pronote', email: 'a@example.org', x: 1 }) })).toThrow(/Champ inconnu/);
  });
  test('refuses text/plain (cross-site simple POST) with 415', () => {
    expect(() => parseSubscribeRequest({ contentType: 'text/plain', body: '{}' })).toThrow(/application\/json/);
  });
});
