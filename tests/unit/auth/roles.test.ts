import { describe, expect, test } from 'vitest';
import { activeRoles, can, decideAccess, PERMISSIONS, rolesWith, type Permission, type UserRole } from '@/lib/auth/roles';

describe('decideAccess', () => {
  test('anonymous is unauthorized for every permission', () => {
    for (const permission of Object.keys(PERMISSIONS) as Permission[]) expect(decideAccess(null, permission)).toBe('unauthorized');
  });

  test.each<[UserRole, Permission, boolean]>([
    ['admin', 'users.manage', true],
    ['admin', 'catalog.manage', true],
    ['admin', 'audit.read', true],
    ['admin', 'settings.manage', true],
    ['moderator', 'settings.manage', false],
    ['journalist', 'settings.manage', false],
    ['admin', 'moderation.manage', true],
    ['admin', 'incidents.manage', true],
    ['admin', 'apikeys.own', false],
    ['moderator', 'moderation.manage', true],
    ['moderator', 'incidents.manage', true],
    ['moderator', 'users.manage', false],
    ['journalist', 'apikeys.own', true],
    ['journalist', 'moderation.manage', false],
    ['union', 'apikeys.own', false],
    ['union', 'audit.read', false],
  ])('%s with second factor → %s: %s', (role, permission, allowed) => {
    expect(can({ roles: [role], mfa: true }, permission)).toBe(allowed);
  });

  test('privileged roles need the second factor; others do not', () => {
    expect(decideAccess({ roles: ['moderator'], mfa: false }, 'moderation.manage')).toBe('second_factor');
    expect(decideAccess({ roles: ['admin'], mfa: false }, 'moderation.manage')).toBe('second_factor');
    expect(decideAccess({ roles: ['admin'], mfa: false }, 'apikeys.own')).toBe('forbidden');
    expect(decideAccess({ roles: ['journalist'], mfa: false }, 'apikeys.own')).toBe('allowed');
    expect(activeRoles({ roles: ['admin', 'journalist'], mfa: false })).toEqual(['journalist']);
  });

  test('an admin holds every moderator right (rolesWith lists inherited holders)', () => {
    for (const permission of Object.keys(PERMISSIONS) as Permission[]) {
      if (can({ roles: ['moderator'], mfa: true }, permission)) expect(can({ roles: ['admin'], mfa: true }, permission)).toBe(true);
    }
    expect(rolesWith('moderation.manage').sort()).toEqual(['admin', 'moderator']);
  });

  test('several roles combine', () => {
    const both = { roles: ['admin', 'moderator'] as UserRole[], mfa: true };
    expect(can(both, 'users.manage') && can(both, 'moderation.manage')).toBe(true);
  });
});
