import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { ReportConfirmation } from '@/components/report/report-confirmation';
import { localizer } from '@/lib/i18n/server';
import { readThanks } from '@/lib/report-client/prefill';
import { loadReportCatalog } from '../catalog-options';

export const dynamic = 'force-dynamic';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('report.meta');
  return { title: t('thanksTitle'), description: t('thanksDescription'), robots: { index: false } };
}

/** Confirmation of the no-JavaScript form (the JavaScript form shows the same block in place). */
export default async function ThanksPage(props: PageProps<'/signaler/merci'>) {
  const [params, catalog, t, href] = await Promise.all([props.searchParams, loadReportCatalog(), getTranslations('report'), localizer()]);
  const thanks = readThanks(params, catalog);
  const again = thanks.academy ? `/signaler?academie=${encodeURIComponent(thanks.academy.id)}` : '/signaler';
  return (
    <div className="report-page">
      <ReportConfirmation platform={thanks.platform} academy={thanks.academy} count={thanks.count} headingLevel="h1">
        <p>
          <Link href={href(again)}>{t('confirmation.another')}</Link>
        </p>
      </ReportConfirmation>
    </div>
  );
}
