import { useTranslations } from 'next-intl';

/** « Télécharger les données »: the export of exactly what the page shows (same filters and period). */
export function DownloadLink({ href, label, formats }: { href: string; label?: string; formats?: Array<{ href: string; label: string }> }) {
  const t = useTranslations('newsroom.download');
  return (
    <p className="download-data">
      <a href={href} download>
        {label ?? t('link')}
      </a>
      {formats && formats.length > 0 ? (
        <span className="muted">
          {' '}
          {t('other')}{' '}
          {formats.map((f, i) => (
            <span key={f.href}>
              {i > 0 ? ' · ' : ''}
              <a href={f.href} download>
                {f.label}
              </a>
            </span>
          ))}
        </span>
      ) : null}{' '}
      <span className="muted">{t('licence')}</span>
    </p>
  );
}
