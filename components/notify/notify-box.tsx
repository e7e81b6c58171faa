'use client';
import { useLocale, useTranslations } from 'next-intl';
import { useState } from 'react';
import { subscribeToPush, type PushSubscribeResult } from '@/lib/notify-client/subscribe-push';

type Props = {
  /** The service; null with `platforms`: the visitor picks one (académie pages). */
  platformId: string | null;
  platforms?: Array<{ id: string; name: string }>;
  academyId: string | null;
  returnPath: string;
  /** `alerte` of the return URL after the no-JavaScript e-mail form. */
  status?: string | null;
  headingLevel?: 'h2' | 'h3';
};

/** « Prévenez-moi quand ça remarche »: browser notification (needs JavaScript) or e-mail (plain form, works without). */
export function NotifyBox({ platformId: fixed, platforms = [], academyId, returnPath, status = null, headingLevel: Heading = 'h2' }: Props) {
  const t = useTranslations('notify');
  const locale = useLocale() === 'en' ? 'en' : 'fr';
  const [push, setPush] = useState<PushSubscribeResult | 'pending' | null>(null);
  const [chosen, setChosen] = useState(fixed ?? platforms[0]?.id ?? '');
  const platformId = fixed ?? chosen;
  const domId = `notify-${academyId ?? ''}-${fixed ?? 'choice'}`;
  const onPush = async () => {
    setPush('pending');
    setPush(await subscribeToPush({ platformId, academyId, locale }));
  };
  return (
    <section className="card notify-box" aria-labelledby={domId}>
      <Heading id={domId}>{t('title')}</Heading>
      <p>{t('intro')}</p>
      {fixed === null ? (
        <p>
          <label htmlFor={`${domId}-platform`}>{t('platform')}</label>{' '}
          <select id={`${domId}-platform`} name="platformId" form={`${domId}-form`} value={chosen} onChange={(e) => setChosen(e.target.value)}>
            {platforms.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        </p>
      ) : null}
      <p>
        <button type="button" className="report-btn" onClick={onPush} disabled={push === 'pending' || push === 'subscribed'}>
          {t('push.button')}
        </button>
      </p>
      {push && push !== 'pending' ? <p role="status">{t(`push.${push}`)}</p> : null}
      {status === 'a-confirmer' || status === 'ok' ? <p role="status">{t(status === 'ok' ? 'email.ok' : 'email.pending')}</p> : null}
      <form method="post" action="/api/notifications" id={`${domId}-form`}>
        {fixed !== null ? <input type="hidden" name="platformId" value={fixed} /> : null}
        {academyId ? <input type="hidden" name="academyId" value={academyId} /> : null}
        <input type="hidden" name="locale" value={locale} />
        <input type="hidden" name="retour" value={returnPath} />
        <label htmlFor={`${domId}-email`}>{t('email.label')}</label>{' '}
        <input id={`${domId}-email`} type="email" name="email" required maxLength={254} autoComplete="email" />{' '}
        <button type="submit">{t('email.button')}</button>
      </form>
      <p className="notify-privacy">{t('privacy')}</p>
    </section>
  );
}
