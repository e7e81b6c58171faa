import { useTranslations } from 'next-intl';
import { isReportIssueCode } from '@/lib/report-client/form-errors';
import type { AcceptedReport, OutboxItem, ReportPayload } from '@/lib/report-client/types';

export type DeliveredNotice = { payload: ReportPayload; report: AcceptedReport };

type Props = {
  pending: OutboxItem[];
  rejected: OutboxItem[];
  delivered: DeliveredNotice[];
  describe: (payload: ReportPayload) => string;
  onRetry: () => void;
  onDismissRejected: (key: string) => void;
  /** Withdraws a report still waiting on this device (it will not be sent). */
  onRemovePending: (key: string) => void;
  onDismissDelivered: (key: string) => void;
};

/** Reports from earlier visits or other tabs: waiting, delivered in the background, or refused. */
export function OutboxNotice(props: Props) {
  const { pending, rejected, delivered, describe } = props;
  const t = useTranslations('report');
  const refusalReason = (item: OutboxItem) => {
    const code = item.error?.issues[0]?.code ?? item.error?.code;
    return code && isReportIssueCode(code) ? t(`issues.${code}`) : t('outbox.refused');
  };
  if (pending.length + rejected.length + delivered.length === 0) return null;
  return (
    <section className="report-outbox" aria-label={t('outbox.label')}>
      <div aria-live="polite">
        {pending.length > 0 && (
          <p>
            {t('outbox.pending', { count: pending.length })}{' '}
            <button type="button" className="report-btn-link" onClick={props.onRetry}>
              {t('outbox.retry')}
            </button>
          </p>
        )}
        {pending.length > 0 && (
          <ul className="report-outbox-list">
            {pending.map((item) => (
              <li key={item.payload.idempotencyKey}>
                {describe(item.payload)}{' '}
                <button type="button" className="report-btn-link" onClick={() => props.onRemovePending(item.payload.idempotencyKey)}>
                  {t('outbox.remove')}
                </button>
              </li>
            ))}
          </ul>
        )}
        {delivered.map(({ payload, report }) => (
          <p key={report.id} className="report-notice-ok">
            {t('outbox.delivered', { where: describe(payload) })}{' '}
            <button type="button" className="report-btn-link" onClick={() => props.onDismissDelivered(payload.idempotencyKey)}>
              {t('outbox.hide')}
            </button>
          </p>
        ))}
      </div>
      {rejected.map((item) => (
        <div key={item.payload.idempotencyKey} className="report-notice-error" role="alert">
          <p>
            {t('outbox.rejected', { where: describe(item.payload), reason: refusalReason(item) })}
          </p>
          <button type="button" className="report-btn-secondary" onClick={() => props.onDismissRejected(item.payload.idempotencyKey)}>
            {t('outbox.understood')}
          </button>
        </div>
      ))}
    </section>
  );
}
