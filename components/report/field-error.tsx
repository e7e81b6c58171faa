import { useTranslations } from 'next-intl';

type Props = { id: string; message: string | undefined };

export function errorIdOf(name: string): string {
  return `${name}-erreur`;
}

/** The error text under a field; its id goes into the field's aria-describedby. */
export function FieldError({ id, message }: Props) {
  const t = useTranslations('report.errors');
  if (!message) return null;
  return (
    <p id={id} className="report-field-error">
      <span className="report-sr-only">{t('prefix')} </span>
      {message}
    </p>
  );
}

/** aria-describedby value from optional ids. */
export function describedBy(...ids: Array<string | false | undefined>): string | undefined {
  const list = ids.filter((id): id is string => typeof id === 'string' && id !== '');
  return list.length > 0 ? list.join(' ') : undefined;
}
