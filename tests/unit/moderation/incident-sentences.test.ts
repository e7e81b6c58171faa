import { describe, expect, test } from 'vitest';
import { incidentSentence } from '@/lib/moderation/incident-sentences';

const startedAt = Date.parse('2021-04-06T07:02:00Z');
const names: Record<string, string> = { paris: 'Paris', lille: 'Lille', 'nancy-metz': 'Nancy-Metz' };
const ctx = { startedAt, academyName: (id: string) => names[id] ?? id };

describe('incidentSentence', () => {
  test.each([
    [{ kind: 'academies_joined' as const, at: Date.parse('2021-04-06T07:14:00Z'), academies: ['paris'] }, 'Paris a rejoint l’incident à 09:14'],
    [{ kind: 'academies_joined' as const, at: Date.parse('2021-04-06T07:15:00Z'), academies: ['paris', 'lille', 'nancy-metz'] }, 'Paris, Lille et Nancy-Metz ont rejoint l’incident à 09:15'],
    [{ kind: 'detected' as const, at: Date.parse('2021-04-06T07:08:00Z') }, 'Panne détectée à 09:08'],
    [{ kind: 'peak' as const, at: Date.parse('2021-04-06T07:20:00Z'), reporters: 1200 }, 'Pic de 1\u202f200 signalants dans la minute à 09:20'],
    [{ kind: 'dismissed' as const, at: Date.parse('2021-04-06T08:00:00Z'), reason: 'test de charge' }, 'Écarté par la modération à 10:00 : test de charge'],
    [{ kind: 'closed' as const, at: Date.parse('2021-04-07T08:00:00Z') }, 'Retour à la normale le 7 avril 2021 à 10:00'],
  ])('%j', (item, sentence) => {
    expect(incidentSentence(item, ctx)).toBe(sentence);
  });

  test('an unknown académie keeps its id rather than vanishing', () => {
    expect(incidentSentence({ kind: 'academies_joined', at: startedAt, academies: ['mayotte'] }, ctx)).toBe('mayotte a rejoint l’incident à 09:02');
  });
});
