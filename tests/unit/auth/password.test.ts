import { describe, expect, test } from 'vitest';
import { burnPasswordCheck, generatePassword, hashPassword, verifyPassword } from '@/lib/auth/password';
import { checkPasswordPolicy, passwordCore, PASSWORD_MAX_LENGTH } from '@/lib/auth/password-policy';

describe('hashPassword / verifyPassword', () => {
  test('verifies the right password only, with a fresh salt each time', async () => {
    const first = await hashPassword('cheval agrafe pile correct');
    const second = await hashPassword('cheval agrafe pile correct');
    expect(first).toMatch(/^scrypt\$15\$8\$1\$/);
    expect(first).not.toBe(second);
    expect(await verifyPassword('cheval agrafe pile correct', first)).toBe(true);
    expect(await verifyPassword('cheval agrafe pile correcte', first)).toBe(false);
  });

  test('normalises Unicode so the same visible password matches', async () => {
    const hash = await hashPassword('école\u0301 longue phrase');
    expect(await verifyPassword('école\u0301 longue phrase'.normalize('NFKC'), hash)).toBe(true);
  });

  test('refuses malformed stored hashes', async () => {
    expect(await verifyPassword('x', 'bcrypt$whatever')).toBe(false);
  });

  test('burnPasswordCheck always fails', async () => {
    expect(await burnPasswordCheck('anything at all')).toBe(false);
  });

  test('generatePassword passes the policy', () => {
    const password = generatePassword();
    expect(checkPasswordPolicy(password)).toBeNull();
  });
});

describe('checkPasswordPolicy', () => {
  test.each([
    ['court', 'too_short'],
    ['x'.repeat(PASSWORD_MAX_LENGTH + 1), 'too_long'],
    ['motdepasse2024', 'common'],
    ['P@ssw0rd2024!', 'common'],
    ['Azertyuiop123', 'common'],
    ['123456789012', 'predictable'],
    ['iloveyou1234', 'common'],
    ['abababababababab', 'predictable'],
    ['7890123456789', 'predictable'],
    ['jean.dupont-ecole-42', 'contains_identity'],
  ])('%s → %s', (password, issue) => {
    expect(checkPasswordPolicy(password, { email: 'jean.dupont@exemple.fr', name: 'Jean Dupont' })).toBe(issue);
  });

  test('accepts a long passphrase, up to 256 characters', () => {
    expect(checkPasswordPolicy('la girafe mange des crêpes au beurre salé')).toBeNull();
    expect(checkPasswordPolicy(`${'phrase très longue '.repeat(13)}`.slice(0, PASSWORD_MAX_LENGTH))).toBeNull();
  });

  test('counts characters, not bytes', () => {
    expect(checkPasswordPolicy('ééééééééééé')).toBe('too_short');
  });

  test('passwordCore strips decorations and leetspeak', () => {
    expect(passwordCore('!!S0leil2024')).toBe('soleil');
  });
});
