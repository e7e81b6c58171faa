'use client';

import { signIn } from 'next-auth/react';
import { useEffect, useState, type FormEvent } from 'react';

const MESSAGES: Record<string, string> = {
  invalid_credentials: 'Adresse e-mail ou mot de passe incorrect.',
  CredentialsSignin: 'Adresse e-mail ou mot de passe incorrect.',
  rate_limited: 'Trop de tentatives : patientez quelques minutes avant de réessayer.',
  totp_invalid: 'Code incorrect ou déjà utilisé : attendez le code suivant.',
  account_guarded:
    'Trop d’essais sur ce compte : saisissez votre mot de passe et un code de vérification (ou un code de secours). Sans double authentification, réinitialisez le mot de passe par e-mail.',
  AccessDenied: 'Ce compte ne peut pas se connecter de cette façon (compte inconnu, désactivé ou adresse non vérifiée).',
  Verification: 'Lien de connexion invalide, expiré ou déjà utilisé.',
  SessionRequired: 'Connectez-vous pour continuer.',
};

function messageOf(code: string | null | undefined): string {
  return (code && MESSAGES[code]) || 'Connexion impossible. Réessayez.';
}

type Props = { callbackUrl: string; oidcName: string | null; emailLinks: boolean; initialError: string | null; linkSent: boolean };

/** E-mail + password, then the TOTP code when the account has one; other providers when configured. */
export function SignInForm({ callbackUrl, oidcName, emailLinks, initialError, linkSent }: Props) {
  const [ready, setReady] = useState(false);
  const [needsCode, setNeedsCode] = useState(false);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(initialError ? messageOf(initialError) : null);
  useEffect(() => setReady(true), []);

  async function onPassword(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    setPending(true);
    const result = await signIn('credentials', {
      redirect: false,
      email: String(data.get('email') ?? ''),
      password: String(data.get('password') ?? ''),
      code: String(data.get('code') ?? ''),
      callbackUrl,
    });
    setPending(false);
    if (result?.ok && !result.error) {
      // eslint-disable-next-line @next/next/no-location-assign-relative-destination -- a full load after signing in or out picks up the new session cookie everywhere
      window.location.assign(callbackUrl);
      return;
    }
    if (result?.error === 'totp_required') {
      setNeedsCode(true);
      setError(null);
      return;
    }
    if (result?.error === 'account_guarded') setNeedsCode(true);
    setError(messageOf(result?.error));
  }

  async function onEmailLink(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const email = String(new FormData(event.currentTarget).get('email') ?? '');
    setPending(true);
    await signIn('email', { email, callbackUrl, redirect: false });
    setPending(false);
    // eslint-disable-next-line @next/next/no-location-assign-relative-destination -- a full load after signing in or out picks up the new session cookie everywhere
    window.location.assign('/connexion?lien=envoye');
  }

  return (
    <div data-ready={ready ? 'true' : 'false'}>
      {linkSent ? <p role="status">Si ce compte existe, un lien de connexion vient de lui être envoyé (valable 15 minutes).</p> : null}
      {error ? (
        <p role="alert" className="admin-result-error">
          {error}
        </p>
      ) : null}
      <form className="admin-form" onSubmit={onPassword} aria-label="Connexion par mot de passe">
        <label>
          Adresse e-mail
          <input type="email" name="email" autoComplete="username" required />
        </label>
        <label>
          Mot de passe
          <input type="password" name="password" autoComplete="current-password" required />
        </label>
        {needsCode ? (
          <label>
            Code de vérification (application d’authentification, ou code de secours)
            <input type="text" name="code" inputMode="numeric" autoComplete="one-time-code" required autoFocus />
          </label>
        ) : null}
        <div>
          <button type="submit" className="admin-btn" disabled={!ready || pending}>
            {needsCode ? 'Valider le code' : 'Se connecter'}
          </button>
        </div>
      </form>
      {oidcName ? (
        <p>
          <button type="button" className="admin-btn" disabled={!ready} onClick={() => void signIn('oidc', { callbackUrl })}>
            Se connecter avec {oidcName}
          </button>
        </p>
      ) : null}
      {emailLinks ? (
        <form className="admin-form" onSubmit={onEmailLink} aria-label="Connexion par lien reçu par e-mail">
          <label>
            Recevoir un lien de connexion par e-mail
            <input type="email" name="email" autoComplete="email" required />
          </label>
          <div>
            <button type="submit" className="admin-btn" disabled={!ready || pending}>
              Envoyer le lien
            </button>
          </div>
        </form>
      ) : null}
    </div>
  );
}
