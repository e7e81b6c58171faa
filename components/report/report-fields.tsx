import type { ReactNode } from 'react';
import type { FormErrors } from '@/lib/report-client/form-errors';
import type { AcademyOption, PlatformOption } from '@/lib/report-client/platform-choices';
import type { ReportValues } from '@/lib/report-client/prefill';
import { AcademyPicker } from './academy-picker';
import { CategoryPicker } from './category-picker';
import { ExtraFields } from './extra-fields';
import { PlatformPicker } from './platform-picker';

type Props = {
  academies: AcademyOption[];
  platforms: PlatformOption[];
  values: ReportValues;
  errors: FormErrors;
  academyLabel: string | null;
  academyComplement: (id: string) => string;
  onAcademyChange: (academy: string) => void;
  onChange: (patch: Partial<ReportValues>, field: string) => void;
};

/** The three choices, then the optional fields. */
export function ReportFields(props: Props) {
  const { values, errors, onChange } = props;
  return (
    <>
      <AcademyPicker
        academies={props.academies}
        value={values.academy}
        error={errors.academie}
        onChange={props.onAcademyChange}
        academyComplement={props.academyComplement}
      />
      <PlatformPicker
        platforms={props.platforms}
        academy={values.academy}
        academyLabel={props.academyLabel}
        value={values.platform}
        error={errors.plateforme}
        onChange={(platform) => onChange({ platform }, 'plateforme')}
      />
      <CategoryPicker
        value={values.category}
        error={errors.probleme}
        onChange={(category) => onChange({ category }, 'probleme')}
      />
      <ExtraFields
        role={values.role}
        comment={values.comment}
        errors={{ role: errors.role, comment: errors.commentaire }}
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
  if (!isCollapsible) return <div className="report-fields">{children}</div>;
  return (
    <details className="report-fields report-details" open={isOpen} onToggle={(e) => onToggle(e.currentTarget.open)}>
      <summary>Modifier le service, l’académie ou le problème</summary>
      {children}
    </details>
  );
}
