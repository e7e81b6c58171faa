import Link from 'next/link';

export function AccessDenied() {
  return (
    <div className="admin-denied" role="alert">
      <h1>Accès refusé</h1>
      <p>Votre rôle ne permet pas d’ouvrir cette page. Demandez à un administrateur si vous en avez besoin.</p>
      <p>
        <Link href="/admin">Retour à l’espace d’administration</Link>
      </p>
    </div>
  );
}
