import 'server-only';
import type { Provider } from 'next-auth/providers/index';
import CredentialsProvider from 'next-auth/providers/credentials';
import EmailProvider from 'next-auth/providers/email';
import { getDb } from '@/lib/db/client';
import { findUserByEmail } from '@/lib/db/users';
import { env } from '@/lib/env';
import { isMailConfigured, sendMail } from './mailer';
import { authorizeCredentials } from './sign-in';
import { componentLogger } from '@/lib/log/logger';

const log = componentLogger('auth');

export const MAGIC_LINK_MAX_AGE_S = 15 * 60;

function toHeaders(raw: Record<string, unknown> | undefined): Headers {
  const headers = new Headers();
  for (const [key, value] of Object.entries(raw ?? {})) if (typeof value === 'string') headers.set(key, value);
  return headers;
}

let warned = false;
function warnOnce(message: string): void {
  if (!warned) log.error(message);
  warned = true;
}

/** Password sign-in always; OpenID Connect and e-mail links when configured (both need NEXTAUTH_URL for their links). */
export function authProviders(): Provider[] {
  const providers: Provider[] = [
    CredentialsProvider({
      id: 'credentials',
      name: 'Mot de passe',
      credentials: { email: { type: 'email' }, password: { type: 'password' }, code: { type: 'text' } },
      authorize: (credentials, req) => authorizeCredentials({ raw: credentials, headers: toHeaders(req.headers) }),
    }),
  ];
  const wantsOidc = Boolean(env.OIDC_ISSUER && env.OIDC_CLIENT_ID && env.OIDC_CLIENT_SECRET);
  if ((wantsOidc || isMailConfigured()) && !env.NEXTAUTH_URL) {
    warnOnce('OIDC_* ou EMAIL_SERVER est défini sans NEXTAUTH_URL : ces connexions restent désactivées.');
    return providers;
  }
  if (wantsOidc && env.OIDC_ISSUER) {
    providers.push({
      id: 'oidc',
      name: env.OIDC_NAME ?? 'Connexion unique (OpenID Connect)',
      type: 'oauth',
      wellKnown: `${env.OIDC_ISSUER.replace(/\/$/, '')}/.well-known/openid-configuration`,
      clientId: env.OIDC_CLIENT_ID,
      clientSecret: env.OIDC_CLIENT_SECRET,
      authorization: { params: { scope: 'openid email profile' } },
      idToken: true,
      checks: ['pkce', 'state', 'nonce'],
      // The issuer is chosen by the administrator and must vouch for the address (email_verified, checked in signIn).
      allowDangerousEmailAccountLinking: true,
      profile: (profile: { sub: string; email?: string; name?: string }) => ({
        id: profile.sub,
        email: profile.email ?? null,
        name: profile.name ?? null,
      }),
    });
  }
  if (isMailConfigured()) {
    providers.push(
      EmailProvider({
        server: env.EMAIL_SERVER,
        from: env.EMAIL_FROM,
        maxAge: MAGIC_LINK_MAX_AGE_S,
        async sendVerificationRequest({ identifier, url }) {
          // Unknown or disabled addresses get no mail and the same answer (no account enumeration).
          const user = await findUserByEmail(getDb(), identifier);
          if (!user || user.disabledAt) return;
          await sendMail({
            to: user.email,
            subject: 'Votre lien de connexion — École en panne',
            text: `Pour vous connecter, ouvrez ce lien (valable 15 minutes, une seule fois) :\n${url}\n\nSi vous n’avez rien demandé, ignorez ce message.`,
          });
        },
      }),
    );
  }
  return providers;
}

/** What the sign-in page offers besides the password. */
export function providerInfo(): { oidcName: string | null; emailLinks: boolean } {
  const ids = authProviders().map((p) => p.id);
  return {
    oidcName: ids.includes('oidc') ? (env.OIDC_NAME ?? 'Connexion unique (OpenID Connect)') : null,
    emailLinks: ids.includes('email'),
  };
}
