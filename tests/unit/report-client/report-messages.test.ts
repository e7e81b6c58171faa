import { createTranslator } from 'next-intl';
import { describe, expect, test } from 'vitest';
import { PLATFORM_KINDS, PLATFORM_SCOPES, PROBLEM_CATEGORIES, REPORTER_ROLES } from '@/lib/domain/types';
import { FIELD_ISSUE_MESSAGES } from '@/lib/ingest/issue-messages';
import { REPORT_ISSUE_CODES } from '@/lib/report-client/form-errors';
import { FORM_LEVEL_CODES } from '@/lib/report-client/form-fields';
import { academyArgs, LOCAL_COUNT_WINDOW_MINUTES } from '@/lib/report-client/report-text';
import { LOCALES } from '@/lib/i18n/config';
import { MESSAGES } from '@/messages';

const fr = createTranslator({ locale: 'fr', messages: MESSAGES.fr, timeZone: 'Europe/Paris' });
const en = createTranslator({ locale: 'en', messages: MESSAGES.en, timeZone: 'Europe/Paris' });
const versailles = { id: 'versailles', name: 'Versailles' };
const guadeloupe = { id: 'guadeloupe', name: 'Guadeloupe' };

describe('report messages cover every stable code', () => {
  test.each(LOCALES)('every issue code the form can show has a %s message', (locale) => {
    expect(REPORT_ISSUE_CODES).toEqual(expect.arrayContaining([...Object.keys(FIELD_ISSUE_MESSAGES), ...FORM_LEVEL_CODES]));
    expect(Object.keys(MESSAGES[locale].report.issues).sort()).toEqual([...REPORT_ISSUE_CODES].sort());
  });

  test.each(LOCALES)('every category, role, platform kind and scope has a %s label', (locale) => {
    const { labels } = MESSAGES[locale];
    expect(Object.keys(labels.categories).sort()).toEqual([...PROBLEM_CATEGORIES].sort());
    expect(Object.keys(labels.roles).sort()).toEqual([...REPORTER_ROLES].sort());
    expect(Object.keys(labels.kinds).sort()).toEqual([...PLATFORM_KINDS].sort());
    expect(Object.keys(labels.scopes).sort()).toEqual([...PLATFORM_SCOPES].sort());
  });
});

describe('report sentences', () => {
  function confirmation(t: typeof fr, count: number, academy = versailles): string {
    const where = t('report.where', { platform: 'PRONOTE', ...academyArgs(academy) });
    return t('report.confirmation.count', { count, where, minutes: LOCAL_COUNT_WINDOW_MINUTES });
  }

  test('French confirmation with French number formatting and non-breaking spaces', () => {
    expect(confirmation(fr, 12)).toBe('Vous êtes 12\u00a0à signaler PRONOTE dans l’académie de Versailles depuis 30\u00a0minutes.');
    expect(confirmation(fr, 1234)).toBe('Vous êtes 1\u202f234\u00a0à signaler PRONOTE dans l’académie de Versailles depuis 30\u00a0minutes.');
    expect(confirmation(fr, 1)).toBe('Vous êtes la première personne à signaler PRONOTE dans l’académie de Versailles depuis 30\u00a0minutes.');
    expect(confirmation(fr, 0, guadeloupe)).toBe(
      'Vous êtes la première personne à signaler PRONOTE dans l’académie de la Guadeloupe depuis 30\u00a0minutes.',
    );
  });

  test('English confirmation', () => {
    expect(confirmation(en, 1234)).toBe('1,234 people, you included, have reported PRONOTE in the Versailles académie in the last 30 minutes.');
    expect(confirmation(en, 1)).toBe('You are the first person to report PRONOTE in the Versailles académie in the last 30 minutes.');
  });

  test('one-tap title, chosen académie and commune choices in both languages', () => {
    const args = { platform: 'PRONOTE', ...academyArgs(versailles) };
    expect(fr('report.quick.title', args)).toBe('Signaler une panne de PRONOTE dans l’académie de Versailles');
    expect(en('report.quick.title', args)).toBe('Report an outage of PRONOTE in the Versailles académie');
    expect(fr('report.academy.chosen', academyArgs({ id: 'orleans-tours', name: 'Orléans-Tours' }))).toBe('Académie d’Orléans-Tours choisie.');
    expect(en('report.academy.option', academyArgs(guadeloupe))).toBe('Guadeloupe académie');
  });

  test('counters and plurals', () => {
    expect(fr('report.extra.counter', { count: 31, max: 500 })).toBe('31\u00a0/\u00a0500\u00a0caractères');
    expect(fr('report.extra.remaining', { remaining: 1 })).toBe('Encore 1\u00a0caractère possible.');
    expect(en('report.extra.remaining', { remaining: 12 })).toBe('12 characters left.');
    expect(fr('report.outbox.pending', { count: 1 })).toMatch(/^Un signalement attend/);
    expect(en('report.outbox.pending', { count: 3 })).toMatch(/^3 reports are waiting/);
  });
});
