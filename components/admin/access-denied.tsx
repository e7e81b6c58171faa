import Link from 'next/link';

export function AccessDenied({ message }: { message: string }) {
  return (
    <div className="admin-denied" role="alert">
      <h1>Accès refusé</h1>
      <p>{message}</p>
      <p>
        <Link href="/admin">Retour à l’espace d’administration</Link>
      </p>
    </div>
  );
}
