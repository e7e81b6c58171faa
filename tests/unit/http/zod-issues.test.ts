import { describe, expect, test } from 'vitest';
import { z } from 'zod';
import { checkInput, zodIssues } from '@/lib/http/zod-issues';

const schema = z.object({ name: z.string().min(2).max(5), count: z.coerce.number().int().min(1), note: z.string().regex(/^a/, 'commence par a').optional() }).strict();

describe('checkInput', () => {
  test('returns the parsed value when the input is valid', () => {
    expect(checkInput(schema, { name: 'abc', count: '3' })).toEqual({ ok: true, value: { name: 'abc', count: 3 } });
  });

  test('answers zod default messages in French and keeps a schema message', () => {
    const result = checkInput(schema, { name: 'x', count: 0, note: 'b' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues).toEqual([
      { field: 'name', code: 'too_small', message: expect.stringMatching(/^Trop petit : chaîne de caractères doit avoir >=2 caractères/) },
      { field: 'count', code: 'too_small', message: expect.stringMatching(/^Trop petit : nombre doit être >=1/) },
      { field: 'note', code: 'invalid_format', message: 'commence par a' },
    ]);
  });

  test('names each unknown key once, with a French message', () => {
    const result = checkInput(schema, { name: 'abc', count: 1, extra: 1, other: 2 });
    expect(result).toEqual({
      ok: false,
      issues: [
        { field: 'extra', code: 'unknown_field', message: 'Champ inconnu\u00a0: extra.' },
        { field: 'other', code: 'unknown_field', message: 'Champ inconnu\u00a0: other.' },
      ],
    });
  });

  test('applies the mapping: root field, one issue per field, custom codes', () => {
    const twice = z.object({ name: z.string().min(3).regex(/^z/) });
    const result = checkInput(twice, { name: 'ab' }, { onePerField: true, toIssue: (_i, field) => ({ field, code: `${field}_invalid`, message: 'Nom invalide.' }) });
    expect(result).toEqual({ ok: false, issues: [{ field: 'name', code: 'name_invalid', message: 'Nom invalide.' }] });
    const root = checkInput(z.string(), 3, { rootField: 'body' });
    expect(root.ok ? null : root.issues[0]).toMatchObject({ field: 'body', code: 'invalid_type', message: expect.stringMatching(/^Entrée invalide/) });
  });
});

describe('zodIssues', () => {
  test('maps a thrown ZodError (server actions use schema.parse) with French default messages', () => {
    let caught: unknown;
    try {
      z.object({ email: z.email() }).parse({ email: 'nope' });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(z.ZodError);
    expect(zodIssues(caught as z.ZodError, { rootField: 'form' })).toEqual([{ field: 'email', code: 'invalid_format', message: 'adresse e-mail invalide' }]);
  });
});
