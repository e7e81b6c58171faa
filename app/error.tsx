'use client';

import { useLocale, useTranslations } from 'next-intl';

/** A page that failed to render, in the visitor's language and inside the site's layout. */
export default function SiteError({ reset }: { error: Error; reset: () => void }) {
  const t = useTranslations('errors');
  const home = useLocale() === 'en' ? '/en' : '/';
  return (
    <section className="error-page" role="alert">
      <h1>{t('error.title')}</h1>
      <p>{t('error.body')}</p>
      <p>
        <button type="button" onClick={reset}>
          {t('error.retry')}
        </button>{' '}
        <a href={home}>{t('error.home')}</a>
      </p>
    </section>
  );
}
