import { describe, expect, test } from 'vitest';
import { RELATIVE_LINK_NOTE, shareableLink } from '@/lib/auth/shareable-link';

describe('shareableLink', () => {
  test('is absolute under the configured origin, even when it has a path prefix', () => {
    expect(shareableLink('/connexion/reinitialiser?token=abc', 'https://ecole.example')).toEqual({
      link: 'https://ecole.example/connexion/reinitialiser?token=abc',
      note: null,
    });
  });

  test('stays relative without an origin and says that NEXTAUTH_URL must be set', () => {
    expect(shareableLink('/connexion/reinitialiser?token=abc', undefined)).toEqual({ link: '/connexion/reinitialiser?token=abc', note: RELATIVE_LINK_NOTE });
    expect(RELATIVE_LINK_NOTE).toContain('NEXTAUTH_URL');
  });
});
