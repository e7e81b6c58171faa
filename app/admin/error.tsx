'use client';

export default function AdminError({ reset }: { error: Error; reset: () => void }) {
  return (
    <div role="alert" className="admin-denied">
      <h1>Une erreur est survenue</h1>
      <p>L’action n’a pas pu aboutir. Réessayez ; si cela persiste, consultez les journaux du serveur.</p>
      <button type="button" className="admin-btn" onClick={reset}>
        Réessayer
      </button>
    </div>
  );
}
