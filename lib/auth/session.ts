import 'server-only';
import { cookies } from 'next/headers';
import { decode } from 'next-auth/jwt';
import type { AuditActor } from '@/lib/domain/audit';
import { getDb } from '@/lib/db/client';
import { findActiveSession } from '@/lib/db/users';
import { AppError } from '@/lib/http/errors';
import { requireSameOrigin } from '@/lib/http/origin';
import { decideAccess, type Permission, type UserRole } from './roles';
import { getAuthSecret, usesSecureCookies } from './runtime';
import { hashToken } from './tokens';

export type AuthSession = {
  sessionId: string;
  userId: string;
  email: string;
  name: string | null;
  /** Roles held; privileged ones apply only when `mfa` is true (see activeRoles). */
  roles: UserRole[];
  mfa: boolean;
  totpEnabled: boolean;
};

export function sessionCookieName(): string {
  return usesSecureCookies() ? '__Secure-next-auth.session-token' : 'next-auth.session-token';
}

/** The signed-in session carried by this next-auth cookie value, checked against the database. */
export async function readSessionCookie(value: string | undefined, now = new Date()): Promise<AuthSession | null> {
  if (!value) return null;
  let sid: unknown;
  try {
    sid = (await decode({ token: value, secret: await getAuthSecret() }))?.sid;
  } catch {
    return null;
  }
  if (typeof sid !== 'string') return null;
  const found = await findActiveSession(getDb(), hashToken(sid), now);
  if (!found) return null;
  return {
    sessionId: found.id,
    userId: found.userId,
    email: found.user.email,
    name: found.user.name,
    roles: found.user.roles,
    mfa: found.mfaVerifiedAt !== null,
    totpEnabled: found.user.totpEnabledAt !== null,
  };
}

/** Session of the current server component or server action. */
export async function getSession(): Promise<AuthSession | null> {
  return readSessionCookie((await cookies()).get(sessionCookieName())?.value);
}

function cookieFromHeader(header: string | null, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const index = part.indexOf('=');
    if (index > 0 && part.slice(0, index).trim() === name) {
      try {
        return decodeURIComponent(part.slice(index + 1).trim());
      } catch {
        return undefined;
      }
    }
  }
  return undefined;
}

/** Session of a route handler's request. */
export async function getRequestSession(req: { headers: Headers }): Promise<AuthSession | null> {
  return readSessionCookie(cookieFromHeader(req.headers.get('cookie'), sessionCookieName()));
}

export function actorOf(session: AuthSession): AuditActor {
  return { userId: session.userId, label: session.email };
}

/** Throws 401 without a session, 403 without the right (or before the second factor of a privileged role). */
export function assertPermission(session: AuthSession | null, permission: Permission): AuthSession {
  const decision = decideAccess(session, permission);
  if (decision === 'unauthorized' || !session) throw new AppError('unauthorized', 'Connectez-vous pour continuer.');
  if (decision === 'second_factor') {
    throw new AppError('forbidden', 'Validez la double authentification (code TOTP) pour utiliser ce rôle.');
  }
  if (decision === 'forbidden') throw new AppError('forbidden', 'Votre rôle ne permet pas cette action.');
  return session;
}

export async function requirePermission(permission: Permission): Promise<AuthSession> {
  return assertPermission(await getSession(), permission);
}

export async function requireUser(): Promise<AuthSession> {
  const session = await getSession();
  if (!session) throw new AppError('unauthorized', 'Connectez-vous pour continuer.');
  return session;
}

/** Route handlers: the session's right, then (for cookie-authenticated writes) the same-origin check. */
export async function requireRequestPermission(req: Request, permission: Permission): Promise<AuthSession> {
  const session = assertPermission(await getRequestSession(req), permission);
  if (req.method !== 'GET' && req.method !== 'HEAD') requireSameOrigin(req.headers);
  return session;
}
