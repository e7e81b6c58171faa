import 'server-only';
import type { AuthOptions } from 'next-auth';
import { getDb } from '@/lib/db/client';
import { findUserByEmail } from '@/lib/db/users';
import { createAuthAdapter } from './adapter';
import { authProviders } from './providers';
import { getAuthSecret, usesSecureCookies } from './runtime';
import { closeSession, openSession, SESSION_MAX_AGE_S, type SignedInUser } from './sign-in';
import { componentLogger } from '@/lib/log/logger';

const log = componentLogger('auth');

/** Only existing, enabled accounts sign in, and an OpenID provider must have verified the address. */
async function allowSignIn(input: { email: string | null | undefined; provider: string; emailVerified: unknown }): Promise<boolean> {
  if (input.provider === 'credentials') return true;
  if (input.provider === 'oidc' && input.emailVerified !== true) return false;
  if (!input.email) return false;
  const user = await findUserByEmail(getDb(), input.email);
  return Boolean(user && !user.disabledAt);
}

function hasMfaFlag(user: unknown): boolean {
  return typeof user === 'object' && user !== null && (user as Partial<SignedInUser>).mfa === true;
}

/**
 * JWT cookies that carry only a random session id; the session itself (expiry, second factor,
 * revocation) lives in the `session` table and is checked on every request by lib/auth/session.ts.
 */
export async function getAuthOptions(): Promise<AuthOptions> {
  return {
    secret: await getAuthSecret(),
    adapter: createAuthAdapter(),
    providers: authProviders(),
    session: { strategy: 'jwt', maxAge: SESSION_MAX_AGE_S },
    jwt: { maxAge: SESSION_MAX_AGE_S },
    useSecureCookies: usesSecureCookies(),
    pages: { signIn: '/connexion', error: '/connexion', verifyRequest: '/connexion?lien=envoye' },
    callbacks: {
      async signIn({ user, account, profile, email }) {
        if (email?.verificationRequest) return true;
        const provider = account?.provider ?? '';
        return allowSignIn({ email: user.email ?? profile?.email, provider, emailVerified: (profile as { email_verified?: unknown } | undefined)?.email_verified });
      },
      async jwt({ token, user, account }) {
        if (!user || !account) return token;
        const mfa = account.provider === 'credentials' && hasMfaFlag(user);
        const sid = await openSession({ userId: user.id, email: user.email ?? '', provider: account.provider, mfa });
        return { sub: user.id, sid };
      },
      session({ session }) {
        return { expires: session.expires, user: { email: session.user?.email ?? null } };
      },
      redirect({ url, baseUrl }) {
        if (url.startsWith('/') && !url.startsWith('//')) return `${baseUrl}${url}`;
        // "//evil.example" and other non-absolute strings are not URLs: they go to the default page too.
        return URL.canParse(url) && new URL(url).origin === baseUrl ? url : `${baseUrl}/admin`;
      },
    },
    events: {
      async signOut({ token }) {
        if (typeof token?.sid === 'string') await closeSession(token.sid);
      },
    },
    logger: {
      error: (code) => log.error({ code }, 'next-auth error'),
      warn: (code) => {
        if (code !== 'NEXTAUTH_URL') log.warn({ code }, 'next-auth warning');
      },
      debug: () => {},
    },
  };
}
