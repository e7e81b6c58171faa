import { USER_ROLES, type UserRole } from '@/lib/domain/types';

export { USER_ROLES, type UserRole };

/** Roles whose holders must pass a second factor before any of their rights apply. */
export const PRIVILEGED_ROLES: readonly UserRole[] = ['admin', 'moderator'];

/** Each right belongs to the roles listed, and to the roles that include them (ROLE_INCLUDES). */
export const PERMISSIONS = {
  'users.manage': ['admin'],
  'catalog.manage': ['admin'],
  'audit.read': ['admin'],
  'settings.manage': ['admin'],
  'moderation.manage': ['moderator'],
  'incidents.manage': ['moderator'],
  'apikeys.own': ['journalist'],
  'webhooks.own': ['journalist', 'union'],
  'organisations.manage': ['admin'],
  'dossiers.build': ['union', 'journalist'],
  'notes.own': ['union'],
} as const satisfies Record<string, readonly UserRole[]>;

export type Permission = keyof typeof PERMISSIONS;

/** An administrator can do everything a moderator can: one model a new operator can guess. */
export const ROLE_INCLUDES: Partial<Record<UserRole, readonly UserRole[]>> = { admin: ['moderator'] };

/** The roles a set of roles amounts to, inherited ones included. */
export function withIncludedRoles(roles: readonly UserRole[]): UserRole[] {
  return [...new Set(roles.flatMap((role) => [role, ...(ROLE_INCLUDES[role] ?? [])]))];
}

/** Roles that hold `permission`, directly or through ROLE_INCLUDES. */
export function rolesWith(permission: Permission): UserRole[] {
  const direct: readonly UserRole[] = PERMISSIONS[permission];
  return USER_ROLES.filter((role) => withIncludedRoles([role]).some((r) => direct.includes(r)));
}

export const ROLE_LABELS: Record<UserRole, string> = {
  admin: 'Administration',
  moderator: 'Modération',
  union: 'Syndicat',
  journalist: 'Journaliste',
};

/** Why a signed-in user cannot open a page, said to that user (an admin is never told to ask an admin). */
export function refusalMessage(principal: Principal, permission: Permission): string {
  const holders = rolesWith(permission).map((role) => ROLE_LABELS[role]).join(' ou ');
  if (principal.roles.includes('admin')) {
    return `Cette page est réservée au rôle ${holders}. En tant qu’administrateur, vous pouvez vous attribuer ce rôle dans « Comptes ».`;
  }
  return `Cette page est réservée au rôle ${holders}. Si vous en avez besoin, demandez ce rôle à un administrateur.`;
}

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
  if (withIncludedRoles(activeRoles(principal)).some((role) => allowed.includes(role))) return 'allowed';
  if (withIncludedRoles(principal.roles).some((role) => allowed.includes(role))) return 'second_factor';
  return 'forbidden';
}

export function can(principal: Principal | null, permission: Permission): boolean {
  return decideAccess(principal, permission) === 'allowed';
}
