import { useTranslations } from 'next-intl';
import type { Ref } from 'react';
import type { ProblemCategory } from '@/lib/domain/types';

type Props = {
  title: string;
  category: ProblemCategory | '';
  isSending: boolean;
  buttonRef?: Ref<HTMLButtonElement>;
};

/** One-tap report from a deep link: what will be sent, and the button, at the top of the page. */
export function QuickReport({ title, category, isSending, buttonRef }: Props) {
  const t = useTranslations();
  return (
    <section className="report-quick" aria-labelledby="signalement-rapide">
      <h2 id="signalement-rapide">{title}</h2>
      {category && (
        <p>
          {t.rich('report.quick.problem', {
            label: t(`labels.categories.${category}`),
            strong: (chunks) => <strong>{chunks}</strong>,
          })}
        </p>
      )}
      <button type="submit" className="report-btn report-btn-large" ref={buttonRef} disabled={isSending}>
        {isSending ? t('report.submit.sending') : t('report.submit.quick')}
      </button>
    </section>
  );
}
