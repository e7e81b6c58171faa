import type { Metadata } from 'next';
import { AdminLinkList } from '@/components/admin/admin-nav';
import { adminLinks } from '@/lib/auth/admin-links';
import { guardSignedIn } from '@/lib/auth/page-guard';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Administration' };

export default async function AdminHomePage() {
  const session = await guardSignedIn('/admin');
  const links = adminLinks(session).filter((l) => l.href !== '/admin');
  return (
    <>
      <h1>Espace d’administration</h1>
      {session.roles.length === 0 ? <p>Ce compte n’a encore aucun rôle : demandez-en un à un administrateur.</p> : null}
      <AdminLinkList links={links} />
      <p className="admin-muted">Chaque action faite ici est inscrite au journal (qui, quoi, quand, pourquoi).</p>
    </>
  );
}
