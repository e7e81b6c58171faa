import { useTranslations } from 'next-intl';
import { useEffect, useState, type Ref } from 'react';
import { waitingCause } from '@/lib/report-client/network-state';
import type { RetryReason } from '@/lib/report-client/types';

type Props = { isPersistent: boolean; reason: RetryReason; onRetry: () => void; headingRef?: Ref<HTMLHeadingElement> };

/** navigator.onLine, kept current by the online/offline events. */
export function useOnline(): boolean {
  const [online, setOnline] = useState(true);
  useEffect(() => {
    const update = () => setOnline(navigator.onLine);
    update();
    window.addEventListener('online', update);
    window.addEventListener('offline', update);
    return () => {
      window.removeEventListener('online', update);
      window.removeEventListener('offline', update);
    };
  }, []);
  return online;
}

/** The report could not leave the device yet: say so, and that nothing needs to be done. */
export function QueuedNotice({ isPersistent, reason, onRetry, headingRef }: Props) {
  const t = useTranslations('report.queued');
  const cause = waitingCause(reason, useOnline());
  return (
    <section className="report-queued" aria-labelledby="attente-titre">
      <h2 id="attente-titre" tabIndex={-1} ref={headingRef}>
        {t('title')}
      </h2>
      <p role="status">{t(`cause.${cause}`)}</p>
      {!isPersistent && <p>{t('notPersistent')}</p>}
      <p>
        <button type="button" className="report-btn-secondary" onClick={onRetry}>
          {t('retry')}
        </button>
      </p>
    </section>
  );
}
