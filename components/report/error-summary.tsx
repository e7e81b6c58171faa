import { useTranslations } from 'next-intl';
import type { Ref } from 'react';

/** `code` is an issue code, shown as its `report.issues` message. */
export type SummaryEntry = { targetId: string | null; code: string };

type Props = { entries: SummaryEntry[]; ref?: Ref<HTMLDivElement> };

export const ERROR_SUMMARY_ID = 'erreurs';

/** Listed above the form and focused on failure; each link leads to the field to fix. */
export function ErrorSummary({ entries, ref }: Props) {
  const t = useTranslations('report');
  if (entries.length === 0) return null;
  return (
    <div id={ERROR_SUMMARY_ID} className="report-error-summary" tabIndex={-1} ref={ref} aria-labelledby="erreurs-titre">
      <h2 id="erreurs-titre">{t('errors.summaryTitle')}</h2>
      <ul>
        {entries.map((entry) => (
          <li key={`${entry.targetId ?? 'formulaire'}-${entry.code}`}>
            {entry.targetId ? <a href={`#${entry.targetId}`}>{t(`issues.${entry.code}`)}</a> : t(`issues.${entry.code}`)}
          </li>
        ))}
      </ul>
    </div>
  );
}
