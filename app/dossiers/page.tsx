import type { Metadata } from 'next';
import Link from 'next/link';
import { AccessDenied } from '@/components/admin/access-denied';
import { DossierPanel } from '@/components/dossier/dossier-panel';
import { deniedMessage, guardPage } from '@/lib/auth/page-guard';
import { loadDossierFormOptions } from '@/lib/dossier/form-options';
import { listMyDossiers } from '@/lib/dossier/service';
import '@/components/admin/admin.css';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Dossiers', robots: { index: false, follow: false } };

export default async function DossiersPage() {
  const session = await guardPage('dossiers.build', '/dossiers');
  if (!session) return <AccessDenied message={await deniedMessage('dossiers.build')} />;
  const [options, items] = await Promise.all([loadDossierFormOptions(), listMyDossiers(session)]);
  return (
    <div className="admin">
      <h1>Dossiers</h1>
      <p className="admin-muted">
        Un dossier rassemble les signalements, les comptes par minute et les incidents d’une période dans une archive ZIP
        signée, avec un rapport PDF. Il se vérifie hors ligne (<code>npm run verify:dossier -- dossier.zip</code>) ou sur la
        page <Link href="/verifier">/verifier</Link>, contre les condensés publiés sur <Link href="/preuves">/preuves</Link>.
        Un dossier reste téléchargeable 30 jours.
      </p>
      <DossierPanel
        platforms={options.platforms}
        academies={options.academies}
        initial={items.map((d) => ({ ...d, createdAt: d.createdAt.toISOString(), expiresAt: d.expiresAt?.toISOString() ?? null }))}
      />
    </div>
  );
}
