import 'server-only';
import { redirect } from 'next/navigation';
import { decideAccess, needsSecondFactor, refusalMessage, type Permission } from './roles';
import { getSession, type AuthSession } from './session';

export function signInPath(callbackPath: string): string {
  return `/connexion?callbackUrl=${encodeURIComponent(callbackPath)}`;
}

/** Where a privileged user without the second factor goes: enrolment, or the code of this session. */
export function secondFactorPath(session: AuthSession, callbackPath: string): string {
  return session.totpEnabled
    ? `/connexion/verification?callbackUrl=${encodeURIComponent(callbackPath)}`
    : '/connexion/double-facteur';
}

/** Any signed-in user (pages of one's own account); anonymous visitors go to the sign-in page. */
export async function guardSignedIn(path: string): Promise<AuthSession> {
  const session = await getSession();
  if (!session) redirect(signInPath(path));
  return session;
}

/**
 * Pages: anonymous → sign-in, missing second factor → TOTP, wrong role → null (the page shows a
 * refusal and no data). The server actions and routes behind the page check again on their own.
 */
export async function guardPage(permission: Permission, path: string): Promise<AuthSession | null> {
  const session = await getSession();
  const decision = decideAccess(session, permission);
  if (!session || decision === 'unauthorized') redirect(signInPath(path));
  if (decision === 'second_factor') redirect(secondFactorPath(session, path));
  return decision === 'allowed' ? session : null;
}

/** The refusal text for the signed-in user of a page that `guardPage` refused. */
export async function deniedMessage(permission: Permission): Promise<string> {
  const session = await getSession();
  return refusalMessage(session ?? { roles: [], mfa: false }, permission);
}

/** A privileged user must finish the second factor before seeing any admin page. */
export function pendingSecondFactor(session: AuthSession): boolean {
  return needsSecondFactor(session.roles) && !session.mfa;
}

/** A same-site path to return to after sign-in; anything else (absolute, protocol-relative) becomes /admin. */
export function safeCallbackPath(raw: unknown): string {
  const value = Array.isArray(raw) ? raw[0] : raw;
  if (typeof value !== 'string' || !/^\/(?![/\\])[^\s\\]*$/.test(value) || value.length > 300) return '/admin';
  return value;
}

/** Props of admin pages (written out: route types are generated only by a build). */
export type PageQuery = { searchParams: Promise<Record<string, string | string[] | undefined>> };
export type PageWithId = PageQuery & { params: Promise<{ id: string }> };

export function queryValue(params: Record<string, string | string[] | undefined>, name: string): string | undefined {
  const value = params[name];
  return Array.isArray(value) ? value[0] : value;
}
