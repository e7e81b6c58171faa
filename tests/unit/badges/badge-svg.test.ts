import { XMLParser } from 'fast-xml-parser';
import { describe, expect, test } from 'vitest';
import { badgeWords, renderBadge } from '@/lib/badges/badge-svg';

const parse = (svg: string) => new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@' }).parse(svg) as { svg: Record<string, unknown> };

describe('renderBadge', () => {
  test('is an SVG image whose accessible name states the service, the académie and the status', () => {
    const { svg } = parse(renderBadge({ label: 'PRONOTE · Créteil', status: 'outage', locale: 'fr' }));
    expect(svg['@role']).toBe('img');
    expect(svg['@aria-label']).toBe('PRONOTE · Créteil\u00a0: en panne');
    expect(svg.title).toBe('PRONOTE · Créteil\u00a0: en panne');
    expect(svg['@lang']).toBe('fr');
  });

  test('escapes names so a catalogue entry cannot inject markup', () => {
    const svg = renderBadge({ label: 'A&B <script>', status: 'operational', locale: 'fr' });
    expect(svg).not.toContain('<script>');
    expect(svg).toContain('A&amp;B &lt;script&gt;');
    expect(() => parse(svg)).not.toThrow();
  });

  test('grows with its text and words each status in both languages', () => {
    const short = Number(parse(renderBadge({ label: 'CNED', status: 'degraded', locale: 'fr' })).svg['@width']);
    const long = Number(parse(renderBadge({ label: 'Mon Bureau Numérique · Nancy-Metz', status: 'degraded', locale: 'fr' })).svg['@width']);
    expect(long).toBeGreaterThan(short);
    expect(['operational', 'degraded', 'outage', 'unserved'].map((s) => badgeWords(s as 'outage', 'fr'))).toEqual(['fonctionne', 'perturbé', 'en panne', 'non utilisé ici']);
    expect(badgeWords('outage', 'en')).toBe('down');
  });
});
