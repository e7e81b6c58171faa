import { describe, test, expect } from 'vitest';
import {
  FIELD_ISSUE_MESSAGES,
  FORM_FIELDS,
  parseReportForm,
  parseReportInput,
  type FieldIssue,
} from '@/lib/ingest/schema';

const now = new Date('2021-04-06T07:02:00Z');
const ctx = { now };
const valid = {
  platform: 'pronote',
  academy: 'creteil',
  category: 'login',
  idempotencyKey: '5f0c6a0e-2b8e-4c2e-9a51-3f8e2d7c1b90',
};

function issuesOf(raw: unknown): FieldIssue[] {
  const result = parseReportInput(raw, ctx);
  return result.ok ? [] : result.issues;
}

describe('parseReportInput', () => {
  test('accepts a minimal report', () => {
    const result = parseReportInput(valid, ctx);
    expect(result).toEqual({ ok: true, value: valid });
  });

  test('accepts a complete report and normalises its fields', () => {
    const result = parseReportInput(
      {
        ...valid,
        platform: ' PRONOTE ',
        role: 'parent',
        comment: '  Page blanche\r\ndepuis 8h30\tau collège  ',
        observedAt: '2021-04-06T09:01:00+02:00',
        deviceToken: 'device_token_0123456789',
        website: '',
      },
      ctx,
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.platform).toBe('pronote');
    expect(result.value.comment).toBe('Page blanche\ndepuis 8h30\tau collège');
    expect(result.value.observedAt).toEqual(new Date('2021-04-06T07:01:00Z'));
    expect(result.value.website).toBe('');
  });

  test('turns a blank comment into no comment', () => {
    const result = parseReportInput({ ...valid, comment: '  \n ' }, ctx);
    expect(result.ok && result.value.comment).toBeUndefined();
  });

  test('accepts a comment of exactly 500 characters after trimming', () => {
    expect(issuesOf({ ...valid, comment: ` ${'a'.repeat(500)} ` })).toEqual([]);
  });

  test.each([
    ['platform missing', { ...valid, platform: undefined }, 'platform', 'platform_required'],
    ['platform blank', { ...valid, platform: '  ' }, 'platform', 'platform_required'],
    ['platform with a slash', { ...valid, platform: 'pro/note' }, 'platform', 'platform_invalid'],
    ['platform too long', { ...valid, platform: 'a'.repeat(65) }, 'platform', 'platform_invalid'],
    ['platform not a string', { ...valid, platform: 42 }, 'platform', 'platform_invalid'],
    ['academy missing', { ...valid, academy: undefined }, 'academy', 'academy_required'],
    ['academy with spaces', { ...valid, academy: 'aix marseille' }, 'academy', 'academy_invalid'],
    ['category missing', { ...valid, category: undefined }, 'category', 'category_required'],
    ['category unknown', { ...valid, category: 'panne' }, 'category', 'category_invalid'],
    ['role unknown', { ...valid, role: 'grand-parent' }, 'role', 'role_invalid'],
    ['role empty', { ...valid, role: '' }, 'role', 'role_invalid'],
    ['comment too long', { ...valid, comment: 'a'.repeat(501) }, 'comment', 'comment_too_long'],
    ['comment with NUL', { ...valid, comment: 'panne\u0000' }, 'comment', 'comment_control_chars'],
    [
      'comment with escape',
      { ...valid, comment: '\u001b[31mrouge' },
      'comment',
      'comment_control_chars',
    ],
    [
      'comment with bidi override',
      { ...valid, comment: 'abc\u202Edef' },
      'comment',
      'comment_control_chars',
    ],
    ['comment not a string', { ...valid, comment: ['a'] }, 'comment', 'comment_invalid'],
    [
      'key missing',
      { ...valid, idempotencyKey: undefined },
      'idempotencyKey',
      'idempotency_key_required',
    ],
    [
      'key too short',
      { ...valid, idempotencyKey: 'abc' },
      'idempotencyKey',
      'idempotency_key_invalid',
    ],
    [
      'key too long',
      { ...valid, idempotencyKey: 'a'.repeat(65) },
      'idempotencyKey',
      'idempotency_key_invalid',
    ],
    [
      'key with dots',
      { ...valid, idempotencyKey: 'abcdefgh.ijklmnop' },
      'idempotencyKey',
      'idempotency_key_invalid',
    ],
    [
      'observedAt not ISO',
      { ...valid, observedAt: '06/04/2021 09:02' },
      'observedAt',
      'observed_at_invalid',
    ],
    [
      'observedAt without offset',
      { ...valid, observedAt: '2021-04-06T09:02:00' },
      'observedAt',
      'observed_at_invalid',
    ],
    [
      'observedAt 3 min ahead',
      { ...valid, observedAt: '2021-04-06T07:05:00Z' },
      'observedAt',
      'observed_at_future',
    ],
    [
      'observedAt 25 h old',
      { ...valid, observedAt: '2021-04-05T06:02:00Z' },
      'observedAt',
      'observed_at_too_old',
    ],
    [
      'device token too short',
      { ...valid, deviceToken: 'short' },
      'deviceToken',
      'device_token_invalid',
    ],
    ['honeypot not a string', { ...valid, website: 1 }, 'website', 'website_invalid'],
    ['unexpected field', { ...valid, ip: '1.2.3.4' }, 'ip', 'unknown_field'],
  ])('reports %s', (_name, raw, field, code) => {
    const issues = issuesOf(raw);
    expect(issues).toContainEqual({
      field,
      code,
      message: FIELD_ISSUE_MESSAGES[code as keyof typeof FIELD_ISSUE_MESSAGES],
    });
  });

  test.each([
    ['2 minutes ahead', '2021-04-06T07:04:00Z'],
    ['24 hours old', '2021-04-05T07:02:00Z'],
  ])('accepts an observedAt %s', (_name, observedAt) => {
    expect(issuesOf({ ...valid, observedAt })).toEqual([]);
  });

  test.each([null, 'text', 42, [valid]])('reports body_invalid for %j', (raw) => {
    expect(issuesOf(raw)).toEqual([
      { field: '', code: 'body_invalid', message: FIELD_ISSUE_MESSAGES.body_invalid },
    ]);
  });

  test('reports one issue per field and every field at once', () => {
    const issues = issuesOf({ platform: 'A'.repeat(70), extra: 1 });
    expect(issues.map((i) => i.code).sort()).toEqual([
      'academy_required',
      'category_required',
      'idempotency_key_required',
      'platform_invalid',
      'unknown_field',
    ]);
  });

  test('gives every issue a French message', () => {
    for (const issue of issuesOf({})) expect(issue.message).toMatch(/[a-zé]/);
  });
});

describe('parseReportForm', () => {
  const form = {
    plateforme: 'pronote',
    academie: 'creteil',
    probleme: 'login',
    cle: valid.idempotencyKey,
  };

  test('maps the French field names to the schema', () => {
    const result = parseReportForm(
      {
        ...form,
        role: 'parent',
        commentaire: 'Bloqué',
        observe_a: '2021-04-06T07:00:00Z',
        site_web: '',
      },
      ctx,
    );
    expect(result).toEqual({
      ok: true,
      value: {
        ...valid,
        role: 'parent',
        comment: 'Bloqué',
        observedAt: new Date('2021-04-06T07:00:00Z'),
      },
    });
  });

  test('reads FormData and ignores foreign fields such as the PoW payload', () => {
    const data = new FormData();
    for (const [name, value] of Object.entries(form)) data.set(name, value);
    data.set('altcha', 'eyJ9');
    data.set('$ACTION_ID_abc', '');
    data.set('role', '');
    expect(parseReportForm(data, ctx)).toEqual({ ok: true, value: valid });
  });

  test('keeps a filled honeypot so the domain can flag it', () => {
    const result = parseReportForm({ ...form, site_web: 'http://spam.example' }, ctx);
    expect(result.ok && result.value.website).toBe('http://spam.example');
  });

  test('reports empty required inputs with the schema field name', () => {
    const result = parseReportForm({ ...form, plateforme: '' }, ctx);
    expect(result).toEqual({
      ok: false,
      issues: [
        {
          field: 'platform',
          code: 'platform_required',
          message: FIELD_ISSUE_MESSAGES.platform_required,
        },
      ],
    });
    expect(FORM_FIELDS.platform).toBe('plateforme');
  });

  test('reports a file upload in a text field as invalid', () => {
    const data = new FormData();
    for (const [name, value] of Object.entries(form)) data.set(name, value);
    data.set('commentaire', new Blob(['x']), 'x.txt');
    const result = parseReportForm(data, ctx);
    expect(result.ok ? [] : result.issues.map((i) => i.code)).toEqual(['comment_invalid']);
  });
});
