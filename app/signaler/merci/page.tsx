import type { Metadata } from 'next';
import Link from 'next/link';
import { ReportConfirmation } from '@/components/report/report-confirmation';
import { readThanks } from '@/lib/report-client/prefill';
import { loadReportCatalog } from '../catalog-options';

export const dynamic = 'force-dynamic';

export const metadata: Metadata = {
  title: 'Signalement envoyé',
  description: 'Votre signalement de panne est enregistré.',
  robots: { index: false },
};

/** Confirmation of the no-JavaScript form (the JavaScript form shows the same block in place). */
export default async function ThanksPage(props: PageProps<'/signaler/merci'>) {
  const thanks = readThanks(await props.searchParams, await loadReportCatalog());
  const again = thanks.academy ? `/signaler?academie=${encodeURIComponent(thanks.academy.id)}` : '/signaler';
  return (
    <div className="report-page">
      <ReportConfirmation platform={thanks.platform} academy={thanks.academy} count={thanks.count} headingLevel="h1">
        <p>
          <Link href={again}>Faire un autre signalement</Link>
        </p>
      </ReportConfirmation>
    </div>
  );
}
