import type { Ref } from 'react';
import { PROBLEM_LABELS } from '@/lib/domain/labels';
import type { ProblemCategory } from '@/lib/domain/types';

type Props = {
  title: string;
  category: ProblemCategory | '';
  isSending: boolean;
  buttonRef?: Ref<HTMLButtonElement>;
};

/** One-tap report from a deep link: what will be sent, and the button, at the top of the page. */
export function QuickReport({ title, category, isSending, buttonRef }: Props) {
  return (
    <section className="report-quick" aria-labelledby="signalement-rapide">
      <h2 id="signalement-rapide">{title}</h2>
      {category && (
        <p>
          Problème&nbsp;: <strong>{PROBLEM_LABELS[category]}</strong>
        </p>
      )}
      <button type="submit" className="report-btn report-btn-large" ref={buttonRef} disabled={isSending}>
        {isSending ? 'Envoi…' : 'Signaler la panne'}
      </button>
    </section>
  );
}
