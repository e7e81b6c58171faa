import { randomUUID } from 'node:crypto';
import type { Metadata } from 'next';
import { ReportForm } from '@/components/report/report-form';
import { decodeErrors } from '@/lib/report-client/form-errors';
import { firstParam, isQuickReport, readPrefill, withQuickDefaults } from '@/lib/report-client/prefill';
import { loadReportCatalog } from './catalog-options';

export const dynamic = 'force-dynamic';

export const metadata: Metadata = {
  title: 'Signaler une panne',
  description:
    'Signalez en quelques secondes, anonymement et sans compte, qu’un service numérique scolaire (PRONOTE, ENT, CNED…) ne marche pas dans votre académie.',
};

export default async function ReportPage(props: PageProps<'/signaler'>) {
  const params = await props.searchParams;
  const catalog = await loadReportCatalog();
  const errors = decodeErrors(firstParam(params, 'erreurs'));
  const prefill = readPrefill(params, catalog);
  const isQuick = isQuickReport(prefill) && Object.keys(errors).length === 0;
  return (
    <div className="report-page">
      <h1>Signaler une panne</h1>
      <p className="report-intro">
        Anonyme et sans compte&nbsp;: choisissez votre académie, le service et le problème, puis envoyez.
      </p>
      <ReportForm
        academies={catalog.academies}
        platforms={catalog.platforms}
        initialValues={isQuick ? withQuickDefaults(prefill) : prefill}
        initialErrors={errors}
        idempotencyKey={randomUUID()}
        isQuick={isQuick}
      />
    </div>
  );
}
