import type { Metadata } from 'next';
import Link from 'next/link';
import { AccessDenied } from '@/components/admin/access-denied';
import { deniedMessage, guardPage } from '@/lib/auth/page-guard';
import { listPlatformsForAdmin } from '@/lib/catalog/admin';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Plateformes' };

export default async function PlatformsAdminPage() {
  if (!(await guardPage('catalog.manage', '/admin/plateformes'))) return <AccessDenied message={await deniedMessage('catalog.manage')} />;
  const platforms = await listPlatformsForAdmin();
  return (
    <>
      <h1>Catalogue des plateformes</h1>
      <p>
        <Link href="/admin/plateformes/nouvelle">Ajouter une plateforme</Link>
      </p>
      <table className="admin-table">
        <thead>
          <tr>
            <th>Nom</th>
            <th>Type</th>
            <th>Opérateur</th>
            <th>Académies</th>
            <th>Signalements</th>
            <th>État</th>
          </tr>
        </thead>
        <tbody>
          {platforms.map((p) => (
            <tr key={p.id}>
              <td>
                <Link href={`/admin/plateformes/${p.id}`}>{p.name}</Link> <span className="admin-muted">{p.id}</span>
              </td>
              <td>{p.kind}</td>
              <td>{p.operator ?? '—'}</td>
              <td>{p.academies.length}</td>
              <td>{p.reports}</td>
              <td>{p.retiredAt ? `retirée le ${p.retiredAt.toISOString().slice(0, 10)}` : 'en service'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
