'use client';

import { signOut } from 'next-auth/react';
import { useState } from 'react';

/** Ends the session on the server too (next-auth's signOut event), then leaves the admin pages. */
export function SignOutButton() {
  const [pending, setPending] = useState(false);
  return (
    <button
      type="button"
      className="admin-btn"
      disabled={pending}
      onClick={async () => {
        setPending(true);
        await signOut({ redirect: false });
        // eslint-disable-next-line @next/next/no-location-assign-relative-destination -- a full load after signing in or out picks up the new session cookie everywhere
        window.location.assign('/connexion');
      }}
    >
      Se déconnecter
    </button>
  );
}
