import { USER_ROLES, type UserRole } from '@/lib/domain/types';

export { USER_ROLES, type UserRole };

/** Roles whose holders must pass a second factor before any of their rights apply. */
export const PRIVILEGED_ROLES: readonly UserRole[] = ['admin', 'moderator'];

/** Least privilege: each right belongs to the roles listed, and to no other (an admin is not a moderator). */
export const PERMISSIONS = {
  'users.manage': ['admin'],
  'catalog.manage': ['admin'],
  'audit.read': ['admin'],
  'settings.manage': ['admin'],
  'moderation.manage': ['moderator'],
  'incidents.manage': ['moderator'],
  'apikeys.own': ['journalist'],
  'organisations.manage': ['admin'],
  'dossiers.build': ['union', 'journalist'],
  'notes.own': ['union'],
} as const satisfies Record<string, readonly UserRole[]>;

export type Permission = keyof typeof PERMISSIONS;

export const ROLE_LABELS: Record<UserRole, string> = {
  admin: 'Administration',
  moderator: 'Modération',
  union: 'Syndicat',
  journalist: 'Journaliste',
};

export type Principal = { roles: readonly UserRole[]; mfa: boolean };

export function isUserRole(value: string): value is UserRole {
  return (USER_ROLES as readonly string[]).includes(value);
}

export function needsSecondFactor(roles: readonly UserRole[]): boolean {
  return roles.some((role) => PRIVILEGED_ROLES.includes(role));
}

/** The roles that apply now: privileged ones only once the session passed the second factor. */
export function activeRoles(principal: Principal): UserRole[] {
  return principal.roles.filter((role) => principal.mfa || !PRIVILEGED_ROLES.includes(role));
}

export type AccessDecision = 'allowed' | 'unauthorized' | 'forbidden' | 'second_factor';

/** Whether `principal` (null = anonymous) may use `permission`; 'second_factor' = allowed after TOTP. */
export function decideAccess(principal: Principal | null, permission: Permission): AccessDecision {
  if (!principal) return 'unauthorized';
  const allowed: readonly UserRole[] = PERMISSIONS[permission];
  if (activeRoles(principal).some((role) => allowed.includes(role))) return 'allowed';
  if (principal.roles.some((role) => allowed.includes(role))) return 'second_factor';
  return 'forbidden';
}

export function can(principal: Principal | null, permission: Permission): boolean {
  return decideAccess(principal, permission) === 'allowed';
}
