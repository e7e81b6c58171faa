import { randomUUID } from 'node:crypto';
import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { ReportForm } from '@/components/report/report-form';
import { currentLocale } from '@/lib/i18n/server';
import { decodeErrors } from '@/lib/report-client/form-errors';
import { firstParam, isQuickReport, readPrefill, withQuickDefaults } from '@/lib/report-client/prefill';
import { pageMetadata } from '@/lib/seo/metadata';
import { siteOrigin } from '@/lib/seo/site';
import { loadReportCatalog, loadTroubledPlatforms } from './catalog-options';

export const dynamic = 'force-dynamic';

export async function generateMetadata(): Promise<Metadata> {
  const [t, all, locale] = await Promise.all([getTranslations('report.meta'), getTranslations(), currentLocale()]);
  return pageMetadata({ title: t('title'), description: t('description'), path: '/signaler', locale, siteName: all('common.brand'), origin: siteOrigin() });
}

export default async function ReportPage(props: PageProps<'/signaler'>) {
  const [params, catalog, t, troubled] = await Promise.all([props.searchParams, loadReportCatalog(), getTranslations('report'), loadTroubledPlatforms()]);
  const errors = decodeErrors(firstParam(params, 'erreurs'));
  const prefill = readPrefill(params, catalog);
  const isQuick = isQuickReport(prefill) && Object.keys(errors).length === 0;
  return (
    <div className="report-page">
      <h1>{t('heading')}</h1>
      <p className="report-intro">{t('intro')}</p>
      <ReportForm
        academies={catalog.academies}
        platforms={catalog.platforms}
        initialValues={isQuick ? withQuickDefaults(prefill) : prefill}
        initialErrors={errors}
        idempotencyKey={randomUUID()}
        isQuick={isQuick}
        troubled={troubled}
      />
    </div>
  );
}
