import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { AdminNav } from '@/components/admin/admin-nav';
import { SignOutButton } from '@/components/admin/sign-out-button';
import { adminLinks } from '@/lib/auth/admin-links';
import { guardSignedIn, pendingSecondFactor, secondFactorPath } from '@/lib/auth/page-guard';
import { ROLE_LABELS } from '@/lib/auth/roles';
import '@/components/admin/admin.css';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: { default: 'Administration', template: '%s · Administration' }, robots: { index: false, follow: false } };

export default async function AdminLayout({ children }: { children: React.ReactNode }) {
  const session = await guardSignedIn('/admin');
  if (pendingSecondFactor(session)) redirect(secondFactorPath(session, '/admin'));
  return (
    <div className="admin">
      <div className="admin-bar">
        <p className="admin-muted">
          Connecté : <strong>{session.email}</strong> ({session.roles.map((r) => ROLE_LABELS[r]).join(', ') || 'aucun rôle'})
        </p>
        <SignOutButton />
      </div>
      <AdminNav links={adminLinks(session)} />
      {children}
    </div>
  );
}
