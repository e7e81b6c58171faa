import { describe, expect, test } from 'vitest';
import { badgeFile } from '@/lib/badges/respond';
import { platformCreateSchema } from '@/lib/catalog/schema';
import { ID_SLUG, ID_SLUG_HTML_PATTERN } from '@/lib/domain/slug';

describe('ID_SLUG (the one id pattern)', () => {
  test.each(['cned', 'ent-hdf', 'cned-ma-classe-a-la-maison', 'a', 'x'.repeat(64), '2021'])('accepts %s', (id) => {
    expect(ID_SLUG.test(id)).toBe(true);
  });

  test.each(['', '-cned', 'cned-', 'ent--hdf', 'Cned', 'é', 'ent_hdf', 'ent hdf', 'x'.repeat(65), 'cned\n'])('refuses %j', (id) => {
    expect(ID_SLUG.test(id)).toBe(false);
  });

  test('the HTML pattern attribute (anchored, v flag) decides the same', () => {
    const html = new RegExp(`^(?:${ID_SLUG_HTML_PATTERN})$`, 'v');
    for (const id of ['cned', 'ent-hdf', 'x'.repeat(64), 'x'.repeat(65), 'cned-', 'ent--hdf', 'Cned', '']) expect(html.test(id)).toBe(ID_SLUG.test(id));
  });

  test('badge files and new platform ids follow it', () => {
    expect(badgeFile('ent-hdf.svg')).toBe('ent-hdf');
    expect(() => badgeFile('ent-.svg')).toThrow();
    expect(() => badgeFile('ent-hdf.png')).toThrow();
    expect(platformCreateSchema.shape.id.safeParse('Mon-ENT').data).toBe('mon-ent');
    expect(platformCreateSchema.shape.id.safeParse('mon--ent').success).toBe(false);
  });
});
