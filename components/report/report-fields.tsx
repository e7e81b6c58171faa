import { useTranslations } from 'next-intl';
import type { ReactNode } from 'react';
import type { FormErrors } from '@/lib/report-client/form-errors';
import type { AcademyOption, PlatformOption } from '@/lib/report-client/platform-choices';
import type { ReportValues } from '@/lib/report-client/prefill';
import type { AcademyArgs } from '@/lib/report-client/report-text';
import { AcademyPicker } from './academy-picker';
import { CategoryPicker } from './category-picker';
import { ExtraFields } from './extra-fields';
import { PlatformPicker } from './platform-picker';

type Props = {
  academies: AcademyOption[];
  platforms: PlatformOption[];
  values: ReportValues;
  errors: FormErrors;
  /** The chosen académie as message values; null when none is chosen. */
  academyNames: AcademyArgs | null;
  academyArgs: (id: string) => AcademyArgs;
  onAcademyChange: (academy: string) => void;
  onChange: (patch: Partial<ReportValues>, field: string) => void;
  /** Order and marks of the service list for the chosen académie. */
  preference?: { preferred: readonly string[]; troubled: ReadonlySet<string>; usual: ReadonlySet<string> };
};

/** The three choices, then the optional fields; errors arrive as issue codes and are shown as messages. */
export function ReportFields(props: Props) {
  const { values, errors, onChange } = props;
  const t = useTranslations('report.issues');
  const message = (code: string | undefined) => (code ? t(code) : undefined);
  return (
    <>
      <AcademyPicker
        academies={props.academies}
        value={values.academy}
        error={message(errors.academie)}
        onChange={props.onAcademyChange}
        academyArgs={props.academyArgs}
      />
      <PlatformPicker
        platforms={props.platforms}
        academy={values.academy}
        academyNames={props.academyNames}
        value={values.platform}
        error={message(errors.plateforme)}
        onChange={(platform) => onChange({ platform }, 'plateforme')}
        {...props.preference}
      />
      <CategoryPicker
        value={values.category}
        error={message(errors.probleme)}
        onChange={(category) => onChange({ category }, 'probleme')}
      />
      <ExtraFields
        role={values.role}
        comment={values.comment}
        errors={{ role: message(errors.role), comment: message(errors.commentaire) }}
        onRoleChange={(role) => onChange({ role }, 'role')}
        onCommentChange={(comment) => onChange({ comment }, 'commentaire')}
      />
    </>
  );
}

type CollapsibleProps = {
  isCollapsible: boolean;
  isOpen: boolean;
  onToggle: (isOpen: boolean) => void;
  children: ReactNode;
};

/** Behind "Modifier…" in a one-tap report (a native <details>, which works without JavaScript). */
export function FieldsContainer({ isCollapsible, isOpen, onToggle, children }: CollapsibleProps) {
  const t = useTranslations('report.quick');
  if (!isCollapsible) return <div className="report-fields">{children}</div>;
  return (
    <details className="report-fields report-details" open={isOpen} onToggle={(e) => onToggle(e.currentTarget.open)}>
      <summary>{t('edit')}</summary>
      {children}
    </details>
  );
}
