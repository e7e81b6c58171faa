import { describe, expect, test } from 'vitest';
import { buildPayload, validateValues } from '@/lib/report-client/build-payload';
import { buildRetryLocation, buildThanksLocation, decodeErrors, encodeErrors, issuesToFormIssues, rejectionToFormErrors } from '@/lib/report-client/form-errors';
import type { AcademyOption, PlatformOption } from '@/lib/report-client/platform-choices';
import { EMPTY_VALUES, isQuickReport, readPrefill, readThanks, withQuickDefaults } from '@/lib/report-client/prefill';

const academies: AcademyOption[] = [
  { id: 'versailles', name: 'Versailles' },
  { id: 'rennes', name: 'Rennes' },
];
const platforms: PlatformOption[] = [
  { id: 'pronote', name: 'PRONOTE', kind: 'vie-scolaire', scope: 'national', academies: ['rennes', 'versailles'], domains: [], aliases: [] },
  { id: 'toutatice', name: 'Toutatice', kind: 'ENT', scope: 'regional', academies: ['rennes'], domains: ['toutatice.fr'], aliases: [] },
];
const catalog = { academies, platforms };

describe('readPrefill', () => {
  test('reads a deep link, case-insensitively for ids', () => {
    const values = readPrefill({ plateforme: 'PRONOTE', academie: 'versailles', probleme: 'login' }, catalog);
    expect(values).toEqual({ ...EMPTY_VALUES, platform: 'pronote', academy: 'versailles', category: 'login' });
    expect(isQuickReport(values)).toBe(true);
  });

  test('ignores unknown values and a platform not used in the académie', () => {
    const values = readPrefill({ plateforme: 'toutatice', academie: 'versailles', probleme: 'boom', role: 'king' }, catalog);
    expect(values).toEqual({ ...EMPTY_VALUES, academy: 'versailles' });
    expect(isQuickReport(values)).toBe(false);
    expect(readPrefill({ plateforme: ['pronote', 'x'], academie: 'atlantide' }, catalog)).toEqual({ ...EMPTY_VALUES, platform: 'pronote' });
  });

  test('a one-tap report gets a default problem, a deep link problem wins', () => {
    expect(withQuickDefaults(readPrefill({ plateforme: 'pronote', academie: 'rennes' }, catalog)).category).toBe('unreachable');
    expect(withQuickDefaults(readPrefill({ plateforme: 'pronote', academie: 'rennes', probleme: 'slow' }, catalog)).category).toBe('slow');
    expect(withQuickDefaults(readPrefill({ plateforme: 'pronote' }, catalog)).category).toBe('');
  });

  test('readThanks validates every parameter', () => {
    expect(readThanks({ n: '12', plateforme: 'pronote', academie: 'rennes' }, catalog)).toEqual({ count: 12, platform: platforms[0], academy: academies[1] });
    expect(readThanks({ n: '-1', plateforme: '<b>', academie: 'x' }, catalog)).toEqual({ count: null, platform: null, academy: null });
  });
});

describe('form errors', () => {
  test('server issues map to form inputs; the proof of work and unknown fields go above the form', () => {
    expect(
      issuesToFormIssues([
        { field: 'platform', code: 'platform_retired' },
        { field: 'altcha', code: 'pow_required' },
        { field: 'body', code: 'body_invalid' },
      ]),
    ).toEqual([
      { field: 'plateforme', code: 'platform_retired' },
      { field: 'formulaire', code: 'pow_required' },
      { field: 'formulaire', code: 'internal' },
    ]);
  });

  test('round-trips through the erreurs parameter and ignores unknown codes', () => {
    const encoded = encodeErrors([{ field: 'probleme', code: 'category_required' }, { field: 'formulaire', code: 'rate_limited' }]);
    expect(encoded).toBe('probleme:category_required,formulaire:rate_limited');
    const errors = decodeErrors(`${encoded},academie:<script>,role:role_invalid,role:category_required`);
    expect(errors).toEqual({ probleme: 'category_required', formulaire: 'rate_limited', role: 'role_invalid' });
  });

  test('a refusal of the API shows its issues, else its code above the form, never its text', () => {
    expect(rejectionToFormErrors({ code: 'invalid_input', issues: [{ field: 'comment', code: 'comment_too_long', message: 'x' }] })).toEqual({
      commentaire: 'comment_too_long',
    });
    expect(rejectionToFormErrors({ code: 'forbidden', issues: [] })).toEqual({ formulaire: 'forbidden' });
    expect(rejectionToFormErrors({ code: 'payload_too_large', issues: [] })).toEqual({ formulaire: 'payload_too_large' });
    expect(rejectionToFormErrors({ code: 'teapot', issues: [] })).toEqual({ formulaire: 'internal' });
    expect(rejectionToFormErrors({ code: 'invalid_input', issues: [{ field: 'role', code: 'new_code', message: 'x' }] })).toEqual({
      formulaire: 'invalid_input',
    });
  });

  test('builds the no-JS redirects', () => {
    expect(buildRetryLocation({ plateforme: 'pronote', academie: '', commentaire: 'a b' }, [{ field: 'academie', code: 'academy_required' }])).toBe(
      '/signaler?plateforme=pronote&commentaire=a+b&erreurs=academie%3Aacademy_required#erreurs',
    );
    const report = { id: 'r1', status: 'accepted' as const, counted: true, localCount: 7, platform: 'pronote', academy: 'versailles' };
    expect(buildThanksLocation(report)).toBe('/signaler/merci?id=r1&n=7&plateforme=pronote&academie=versailles');
  });
});

describe('validateValues and buildPayload', () => {
  test('lists the three required choices', () => {
    expect(validateValues(EMPTY_VALUES).map((i) => i.code)).toEqual(['academy_required', 'platform_required', 'category_required']);
  });

  test('builds the JSON body, leaving out empty optional fields', () => {
    const values = { ...EMPTY_VALUES, platform: 'pronote', academy: 'rennes', category: 'slow' as const, comment: '  ' };
    const observedAt = new Date('2026-03-10T08:00:00Z');
    expect(validateValues(values)).toEqual([]);
    expect(buildPayload(values, { idempotencyKey: 'key-0000000000000001', observedAt })).toEqual({
      platform: 'pronote',
      academy: 'rennes',
      category: 'slow',
      idempotencyKey: 'key-0000000000000001',
      observedAt: '2026-03-10T08:00:00.000Z',
    });
    expect(buildPayload({ ...values, role: 'parent', comment: ' Lent ' }, { idempotencyKey: 'k', observedAt, deviceToken: 'd', website: 'spam' })).toMatchObject({
      role: 'parent',
      comment: 'Lent',
      deviceToken: 'd',
      website: 'spam',
    });
    expect(buildPayload(EMPTY_VALUES, { idempotencyKey: 'k', observedAt })).toBeNull();
  });
});
