import { describe, expect, test } from 'vitest';
import { frenchOfAcademy } from '@/lib/dashboard/academy-name';
import { mergeIncidentLists } from '@/lib/dashboard/incident-lists';
import { incidentSummary } from '@/lib/dashboard/incident-summary';
import { formatParisLocal } from '@/lib/calendar/paris-time';
import { incidentLinks, shareFacts } from '@/lib/dashboard/share';
import type { IncidentDetail, IncidentListItem } from '@/lib/domain/dashboard';

const START = Date.parse('2021-04-06T07:02:00Z');
const M = 60_000;

describe('shareFacts', () => {
  test('an ongoing incident lasts until now; a closed one until its end', () => {
    const base = { platform: 'CNED', level: 'detected' as const, startedAt: START, endedAt: null, national: false, academyNames: ['Créteil', 'Paris', 'Versailles', 'Lille'], reporters: 1234, now: START + 95 * M };
    expect(shareFacts({ ...base, state: 'open' })).toMatchObject({ ongoing: true, end: null, durationMinutes: 95, academyCount: 4, firstAcademies: ['Créteil', 'Paris', 'Versailles'] });
    expect(shareFacts({ ...base, state: 'closed', endedAt: START + 30 * M })).toMatchObject({ ongoing: false, end: START + 30 * M, durationMinutes: 30 });
  });
});

describe('incidentLinks and formatParisLocal', () => {
  test('the map link holds the Paris minute of the start and the platform', () => {
    expect(formatParisLocal(START)).toBe('2021-04-06T09:02');
    expect(incidentLinks({ id: 'abc', platformId: 'cned', startedAt: START, origin: 'https://ecole.example', locale: 'fr' })).toEqual({
      permalink: 'https://ecole.example/incidents/abc',
      path: '/incidents/abc',
      map: '/?at=2021-04-06T09:02&plateforme=cned',
    });
    expect(incidentLinks({ id: 'abc', platformId: 'cned', startedAt: START, origin: null, locale: 'en' })).toEqual({
      permalink: '/en/incidents/abc',
      path: '/en/incidents/abc',
      map: '/en?at=2021-04-06T09:02&plateforme=cned',
    });
  });
});

describe('frenchOfAcademy', () => {
  test.each([
    ['paris', 'Paris', 'de Paris'],
    ['amiens', 'Amiens', 'd’Amiens'],
    ['orleans-tours', 'Orléans-Tours', 'd’Orléans-Tours'],
    ['aix-marseille', 'Aix-Marseille', 'd’Aix-Marseille'],
    ['guyane', 'Guyane', 'de la Guyane'],
    ['la-reunion', 'La Réunion', 'de La Réunion'],
    ['mayotte', 'Mayotte', 'de Mayotte'],
  ])('%s → %s', (id, name, expected) => {
    expect(frenchOfAcademy(id, name)).toBe(expected);
  });
});

const item = (over: Partial<IncidentListItem>): IncidentListItem => ({
  id: 'x', platformId: 'cned', platformName: 'CNED', level: 'detected', state: 'closed', startedAt: START, detectedAt: START, endedAt: START + M,
  national: false, academies: [], reportCount: 0, reporterCount: 0, peakReporters: 0, ...over,
});

describe('mergeIncidentLists', () => {
  test('each incident once, open first, then newest first', () => {
    const merged = mergeIncidentLists([item({ id: 'a' }), item({ id: 'b', startedAt: START + M })], [item({ id: 'a' }), item({ id: 'c', state: 'open', startedAt: START - M })]);
    expect(merged.map((i) => i.id)).toEqual(['c', 'b', 'a']);
  });
});

describe('incidentSummary', () => {
  test('passes the message the facts, académies in joining order and the permalink', () => {
    const incident: IncidentDetail = {
      ...item({ id: 'i1', state: 'open', endedAt: null, academies: ['amiens', 'creteil'], reporterCount: 321 }),
      operator: null, networkCount: 0, peakAt: null, categoryBreakdown: {}, commonCause: null, mergedIntoId: null, dismissedReason: null,
      academyJoins: [{ academyId: 'creteil', joinedAt: START + 5 * M }, { academyId: 'amiens', joinedAt: START }],
      events: [],
    };
    const names = { academies: { amiens: { id: 'amiens', name: 'Amiens', regionName: '', overseas: false, timeZone: 'Europe/Paris' }, creteil: { id: 'creteil', name: 'Créteil', regionName: '', overseas: false, timeZone: 'Europe/Paris' } }, platforms: {} };
    let seen: Record<string, string | number> = {};
    const out = incidentSummary({
      data: { incident, names },
      now: START + 10 * M,
      locale: 'fr',
      origin: 'https://ecole.example',
      when: (t) => `T${(t - START) / M}`,
      text: (values) => ((seen = values), `  ${values.platform}   ${values.names} ${values.url} `),
    });
    expect(seen).toMatchObject({ ongoing: 'true', start: 'T0', end: '', count: 2, names: 'Amiens, Créteil', ofFirst: 'd’Amiens', more: 'false', reporters: 321, national: 'false' });
    expect(out.text).toBe('CNED Amiens, Créteil https://ecole.example/incidents/i1');
    expect(out.facts.durationMinutes).toBe(10);
  });
});

describe('incidentSummary typography', () => {
  test('keeps non-breaking spaces while collapsing ordinary gaps', () => {
    const incident: IncidentDetail = {
      ...item({ id: 'i2', state: 'closed', national: true }),
      operator: null, networkCount: 0, peakAt: null, categoryBreakdown: {}, commonCause: null, mergedIntoId: null, dismissedReason: null, academyJoins: [], events: [],
    };
    const out = incidentSummary({
      data: { incident, names: { academies: {}, platforms: {} } },
      now: START,
      locale: 'fr',
      origin: null,
      when: () => 'T',
      text: (v) => `${v.platform}\u00a0: panne  \n ${v.url}`,
    });
    expect(out.text).toBe('CNED\u00a0: panne /incidents/i2');
  });
});
