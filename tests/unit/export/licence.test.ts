import { describe, expect, test } from 'vitest';
import { citationLine, exportMeta } from '@/lib/export/licence';

describe('citationLine', () => {
  test('names the source, the extraction date in Paris time, and the public address when configured', () => {
    const at = new Date('2021-04-06T07:30:00Z');
    expect(citationLine(at, 'https://ecole-en-panne.fr')).toBe('Source : École en panne (https://ecole-en-panne.fr), signalements participatifs, extraits le 6 avril 2021 à 09:30 (heure de Paris).');
    expect(citationLine(at, null)).toBe('Source : École en panne, signalements participatifs, extraits le 6 avril 2021 à 09:30 (heure de Paris).');
  });

  test('the metadata carries the licence and its address', () => {
    expect(exportMeta({ extractedAt: new Date(0), origin: null, query: '/x' })).toMatchObject({ licence: expect.stringContaining('Licence Ouverte'), licenceUrl: expect.stringMatching(/^https:\/\/www\.etalab\.gouv\.fr/) });
  });
});
