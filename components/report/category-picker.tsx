import { useTranslations } from 'next-intl';
import type { ProblemCategory } from '@/lib/domain/types';
import { describedBy, errorIdOf, FieldError } from './field-error';

type Props = {
  value: ProblemCategory | '';
  error: string | undefined;
  onChange: (value: ProblemCategory) => void;
};

const MAIN_CATEGORIES: ProblemCategory[] = ['unreachable', 'login', 'slow', 'error_page'];
const FEATURE_CATEGORIES: ProblemCategory[] = [
  'feature_homework',
  'feature_messages',
  'feature_marks',
  'feature_visio',
  'feature_documents',
];

export const FIRST_CATEGORY_ID = 'probleme-unreachable';

export function CategoryPicker({ value, error, onChange }: Props) {
  const t = useTranslations();
  const errorId = error ? errorIdOf('probleme') : undefined;
  function option(category: ProblemCategory) {
    return (
      <li key={category} className="report-option">
        {/* eslint-disable-next-line jsx-a11y/role-supports-aria-props -- screen readers announce an invalid radio group on its options; the fieldset carries the message */}
        <input
          type="radio"
          id={`probleme-${category}`}
          name="probleme"
          value={category}
          checked={value === category}
          onChange={() => onChange(category)}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy(errorId)}
        />
        <label htmlFor={`probleme-${category}`}>{t(`labels.categories.${category}`)}</label>
      </li>
    );
  }
  return (
    <fieldset className="report-field" id="champ-probleme">
      <legend>
        {t('report.category.legend')} <span className="report-required">{t('report.required')}</span>
      </legend>
      <FieldError id={errorIdOf('probleme')} message={error} />
      <ul className="report-options">{MAIN_CATEGORIES.map(option)}</ul>
      <fieldset className="report-subgroup">
        <legend>{t('report.category.features')}</legend>
        <ul className="report-options">{FEATURE_CATEGORIES.map(option)}</ul>
      </fieldset>
      <ul className="report-options">{option('other')}</ul>
    </fieldset>
  );
}
