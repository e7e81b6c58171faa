import type { Ref } from 'react';

export type SummaryEntry = { targetId: string | null; message: string };

type Props = { entries: SummaryEntry[]; ref?: Ref<HTMLDivElement> };

export const ERROR_SUMMARY_ID = 'erreurs';

/** Listed above the form and focused on failure; each link leads to the field to fix. */
export function ErrorSummary({ entries, ref }: Props) {
  if (entries.length === 0) return null;
  return (
    <div id={ERROR_SUMMARY_ID} className="report-error-summary" tabIndex={-1} ref={ref} aria-labelledby="erreurs-titre">
      <h2 id="erreurs-titre">Le signalement n’a pas été envoyé</h2>
      <ul>
        {entries.map((entry) => (
          <li key={`${entry.targetId ?? 'formulaire'}-${entry.message}`}>
            {entry.targetId ? <a href={`#${entry.targetId}`}>{entry.message}</a> : entry.message}
          </li>
        ))}
      </ul>
    </div>
  );
}
