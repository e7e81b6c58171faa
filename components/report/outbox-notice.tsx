import type { AcceptedReport, OutboxItem, ReportPayload } from '@/lib/report-client/types';

export type DeliveredNotice = { payload: ReportPayload; report: AcceptedReport };

type Props = {
  pending: OutboxItem[];
  rejected: OutboxItem[];
  delivered: DeliveredNotice[];
  describe: (payload: ReportPayload) => string;
  onRetry: () => void;
  onDismissRejected: (key: string) => void;
  onDismissDelivered: (key: string) => void;
};

/** Reports from earlier visits or other tabs: waiting, delivered in the background, or refused. */
export function OutboxNotice(props: Props) {
  const { pending, rejected, delivered, describe } = props;
  if (pending.length + rejected.length + delivered.length === 0) return null;
  return (
    <section className="report-outbox" aria-label="Signalements enregistrés sur cet appareil">
      <div aria-live="polite">
        {pending.length > 0 && (
          <p>
            {pending.length === 1
              ? 'Un signalement attend d’être envoyé depuis cet appareil\u00a0: il partira automatiquement.'
              : `${pending.length}\u00a0signalements attendent d’être envoyés depuis cet appareil\u00a0: ils partiront automatiquement.`}{' '}
            <button type="button" className="report-btn-link" onClick={props.onRetry}>
              Réessayer maintenant
            </button>
          </p>
        )}
        {delivered.map(({ payload, report }) => (
          <p key={report.id} className="report-notice-ok">
            Signalement envoyé&nbsp;: {describe(payload)}.{' '}
            <button type="button" className="report-btn-link" onClick={() => props.onDismissDelivered(payload.idempotencyKey)}>
              Masquer
            </button>
          </p>
        ))}
      </div>
      {rejected.map((item) => (
        <div key={item.payload.idempotencyKey} className="report-notice-error" role="alert">
          <p>
            Votre signalement ({describe(item.payload)}) n’a pas pu être envoyé&nbsp;:{' '}
            {item.error?.issues[0]?.message ?? item.error?.message ?? 'il a été refusé.'}
          </p>
          <button type="button" className="report-btn-secondary" onClick={() => props.onDismissRejected(item.payload.idempotencyKey)}>
            J’ai compris
          </button>
        </div>
      ))}
    </section>
  );
}
