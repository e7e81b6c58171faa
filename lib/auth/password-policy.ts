import commonPasswords from './data/common-passwords.json';

export const PASSWORD_MIN_LENGTH = 12;
/** Long passphrases are welcome; the cap only bounds the work of one hash. */
export const PASSWORD_MAX_LENGTH = 256;

export type PasswordIssue = 'too_short' | 'too_long' | 'common' | 'contains_identity' | 'predictable';

export const PASSWORD_MESSAGES: Record<PasswordIssue, string> = {
  too_short: `Le mot de passe doit compter au moins ${PASSWORD_MIN_LENGTH} caractères.`,
  too_long: `Le mot de passe ne peut pas dépasser ${PASSWORD_MAX_LENGTH} caractères.`,
  common: 'Ce mot de passe figure parmi les plus utilisés : choisissez-en un autre (une phrase de plusieurs mots convient).',
  contains_identity: 'Le mot de passe ne doit pas contenir votre adresse e-mail ou votre nom.',
  predictable: 'Ce mot de passe est trop prévisible (répétitions ou suites du clavier).',
};

const COMMON = new Set(commonPasswords);
const SEQUENCES = ['0123456789', 'abcdefghijklmnopqrstuvwxyz', 'qwertyuiop', 'azertyuiop', 'asdfghjkl', 'qsdfghjklm', 'zxcvbnm', 'wxcvbn'];

/** "P@ssw0rd2024!" → "password": the word under common decorations (case, leetspeak, digits and symbols around it). */
export function passwordCore(password: string): string {
  const leet: Record<string, string> = { '@': 'a', '4': 'a', '3': 'e', '1': 'i', '!': 'i', '0': 'o', '$': 's', '5': 's', '7': 't' };
  const trimmed = password.toLowerCase().replace(/^[^\p{L}]+|[^\p{L}]+$/gu, '');
  return [...trimmed].map((c) => leet[c] ?? c).join('');
}

function isPredictable(password: string): boolean {
  const lower = password.toLowerCase();
  if (new Set(lower).size <= 3) return true;
  return SEQUENCES.some((seq) => {
    const loop = seq.repeat(Math.ceil(lower.length / seq.length) + 1);
    const reversed = [...loop].reverse().join('');
    return loop.includes(lower) || reversed.includes(lower);
  });
}

function containsIdentity(password: string, identity: { email?: string | null; name?: string | null }): boolean {
  const lower = password.toLowerCase();
  const parts = [identity.email?.split('@')[0], ...(identity.name?.split(/\s+/) ?? [])];
  return parts.some((part) => part !== undefined && part.length >= 4 && lower.includes(part.toLowerCase()));
}

/** The first rule the password breaks, or null when it is acceptable (length counted in characters, not bytes). */
export function checkPasswordPolicy(
  password: string,
  identity: { email?: string | null; name?: string | null } = {},
): PasswordIssue | null {
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH) return 'too_short';
  if (length > PASSWORD_MAX_LENGTH) return 'too_long';
  const lower = password.toLowerCase();
  const core = passwordCore(password);
  if (COMMON.has(lower) || COMMON.has(core) || COMMON.has(core.replace(/\s+/g, ''))) return 'common';
  if (isPredictable(password)) return 'predictable';
  if (containsIdentity(password, identity)) return 'contains_identity';
  return null;
}
