import { useTranslations } from 'next-intl';
import type { Ref } from 'react';

type Props = { isPersistent: boolean; onRetry: () => void; headingRef?: Ref<HTMLHeadingElement> };

/** The report could not leave the device yet: say so, and that nothing needs to be done. */
export function QueuedNotice({ isPersistent, onRetry, headingRef }: Props) {
  const t = useTranslations('report.queued');
  return (
    <section className="report-queued" aria-labelledby="attente-titre">
      <h2 id="attente-titre" tabIndex={-1} ref={headingRef}>
        {t('title')}
      </h2>
      <p role="status">{t('status')}</p>
      {!isPersistent && <p>{t('notPersistent')}</p>}
      <p>
        <button type="button" className="report-btn-secondary" onClick={onRetry}>
          {t('retry')}
        </button>
      </p>
    </section>
  );
}
