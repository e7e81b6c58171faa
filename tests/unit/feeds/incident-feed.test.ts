import { describe, expect, test } from 'vitest';
import type { IncidentListItem } from '@/lib/domain/dashboard';
import { buildIncidentFeed, feedPath, incidentUpdated } from '@/lib/feeds/incident-feed';
import { parseAtom } from '../../helpers/atom';

const NOW = Date.parse('2021-04-06T10:00:00Z');

function incident(over: Partial<IncidentListItem> = {}): IncidentListItem {
  return {
    id: '0178a6f2-0000-7000-8000-000000000001',
    platformId: 'cned-ma-classe-a-la-maison',
    platformName: 'CNED Ma classe à la maison',
    level: 'detected',
    state: 'open',
    startedAt: Date.parse('2021-04-06T07:02:00Z'),
    detectedAt: Date.parse('2021-04-06T07:05:00Z'),
    endedAt: null,
    national: true,
    academies: [],
    reportCount: 900,
    reporterCount: 812,
    peakReporters: 120,
    ...over,
  };
}

const NAMES = { creteil: 'Créteil', paris: 'Paris', versailles: 'Versailles', lille: 'Lille' };

describe('buildIncidentFeed', () => {
  test('writes a valid Atom document with one entry per incident, newest first as given', () => {
    const ent = incident({ id: '0178a6f2-0000-7000-8000-000000000002', platformId: 'monlycee-net', platformName: 'MonLycée.net', national: false, academies: ['creteil', 'paris', 'versailles', 'lille'], state: 'closed', endedAt: Date.parse('2021-04-06T09:00:00Z') });
    const xml = buildIncidentFeed({ scope: { kind: 'all' }, incidents: [incident(), ent], academyNames: NAMES, origin: 'https://ecole.example.org', locale: 'fr', now: NOW });
    const feed = parseAtom(xml);
    expect(feed.title).toBe('École en panne — incidents');
    expect(feed.entries.map((e) => e.id)).toEqual(['urn:uuid:0178a6f2-0000-7000-8000-000000000001', 'urn:uuid:0178a6f2-0000-7000-8000-000000000002']);
    expect(feed.entries[0]?.title).toBe('CNED Ma classe à la maison\u00a0: panne détectée — toute la France');
    expect(feed.entries[0]?.links).toEqual(['https://ecole.example.org/incidents/0178a6f2-0000-7000-8000-000000000001']);
    expect(feed.entries[0]?.summary).toContain('En cours depuis le 6 avril 2021 à 09:02');
    expect(feed.entries[1]?.title).toBe('MonLycée.net\u00a0: panne détectée — Créteil, Paris, Versailles et 1 autre académie');
    expect(feed.entries[1]?.summary).toContain('Du 6 avril 2021 à 09:02 au 6 avril 2021 à 11:00');
    expect(feed.links).toContainEqual({ rel: 'self', href: 'https://ecole.example.org/incidents.atom' });
  });

  test('dates the feed by the latest change of its incidents', () => {
    const closed = incident({ state: 'closed', endedAt: Date.parse('2021-04-06T17:30:00Z') });
    const feed = parseAtom(buildIncidentFeed({ scope: { kind: 'all' }, incidents: [closed], academyNames: NAMES, origin: 'https://ecole.example.org', locale: 'fr', now: NOW }));
    expect(feed.updated).toBe('2021-04-06T17:30:00.000Z');
    expect(incidentUpdated(closed)).toBe(Date.parse('2021-04-06T17:30:00Z'));
  });

  test('is valid when empty', () => {
    const feed = parseAtom(buildIncidentFeed({ scope: { kind: 'platform', id: 'pronote', name: 'PRONOTE' }, incidents: [], academyNames: NAMES, origin: 'http://localhost:3000', locale: 'fr', now: NOW }));
    expect(feed.title).toBe('École en panne — incidents de PRONOTE');
    expect(feed.entries).toEqual([]);
    expect(feed.links).toContainEqual({ rel: 'self', href: 'http://localhost:3000/plateformes/pronote/incidents.atom' });
    expect(feed.updated).toBe(new Date(NOW).toISOString());
  });

  test('words entries in English under ?langue=en, with English page links', () => {
    const feed = parseAtom(buildIncidentFeed({ scope: { kind: 'academy', id: 'creteil', name: 'Créteil' }, incidents: [incident({ level: 'possible', national: false, academies: ['creteil'] })], academyNames: NAMES, origin: 'https://ecole.example.org', locale: 'en', now: NOW }));
    expect(feed.title).toBe('École en panne — incidents in the Créteil académie');
    expect(feed.entries[0]?.title).toBe('CNED Ma classe à la maison: possible problem — Créteil');
    expect(feed.entries[0]?.links).toEqual(['https://ecole.example.org/en/incidents/0178a6f2-0000-7000-8000-000000000001']);
    expect(feed.links).toContainEqual({ rel: 'self', href: 'https://ecole.example.org/academies/creteil/incidents.atom?langue=en' });
  });

  test('names a feed path per scope', () => {
    expect(feedPath({ kind: 'all' })).toBe('/incidents.atom');
    expect(feedPath({ kind: 'platform', id: 'pronote', name: 'PRONOTE' })).toBe('/plateformes/pronote/incidents.atom');
    expect(feedPath({ kind: 'academy', id: 'lyon', name: 'Lyon' })).toBe('/academies/lyon/incidents.atom');
  });
});
