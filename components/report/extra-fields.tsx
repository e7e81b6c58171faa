import { useTranslations } from 'next-intl';
import { REPORTER_ROLES, type ReporterRole } from '@/lib/domain/types';
import { COMMENT_MAX_LENGTH } from '@/lib/ingest/thresholds';
import { describedBy, errorIdOf, FieldError } from './field-error';

type Props = {
  role: ReporterRole | '';
  comment: string;
  errors: { role?: string; comment?: string };
  onRoleChange: (role: ReporterRole | '') => void;
  onCommentChange: (comment: string) => void;
};

/** Announced only near the limit, so that screen readers are not interrupted at every keystroke. */
const COUNTER_ANNOUNCE_FROM = 50;

export function ExtraFields({ role, comment, errors, onRoleChange, onCommentChange }: Props) {
  const t = useTranslations();
  const remaining = COMMENT_MAX_LENGTH - comment.length;
  return (
    <fieldset className="report-field">
      <legend>{t('report.extra.legend')}</legend>
      <label htmlFor="champ-role">{t('report.extra.roleLabel')}</label>
      <select
        id="champ-role"
        name="role"
        value={role}
        onChange={(event) => onRoleChange(REPORTER_ROLES.find((r) => r === event.target.value) ?? '')}
        aria-invalid={errors.role ? true : undefined}
        aria-describedby={describedBy(errors.role && errorIdOf('role'))}
      >
        <option value="">{t('report.extra.roleNone')}</option>
        {REPORTER_ROLES.map((value) => (
          <option key={value} value={value}>
            {t(`labels.roles.${value}`)}
          </option>
        ))}
      </select>
      <FieldError id={errorIdOf('role')} message={errors.role} />

      <label htmlFor="champ-commentaire">{t('report.extra.commentLabel')}</label>
      <p id="commentaire-aide" className="report-hint">
        {t('report.extra.commentHelp')}
      </p>
      <textarea
        id="champ-commentaire"
        name="commentaire"
        rows={3}
        maxLength={COMMENT_MAX_LENGTH}
        value={comment}
        onChange={(event) => onCommentChange(event.target.value)}
        aria-invalid={errors.comment ? true : undefined}
        aria-describedby={describedBy('commentaire-aide', 'commentaire-compteur', errors.comment && errorIdOf('commentaire'))}
      />
      <p id="commentaire-compteur" className="report-hint report-counter">
        {t('report.extra.counter', { count: comment.length, max: COMMENT_MAX_LENGTH })}
      </p>
      <p className="report-sr-only" aria-live="polite">
        {remaining <= COUNTER_ANNOUNCE_FROM ? t('report.extra.remaining', { remaining }) : ''}
      </p>
      <FieldError id={errorIdOf('commentaire')} message={errors.comment} />
    </fieldset>
  );
}

/** Left empty by people; bots that fill every input are flagged by the server. */
export function HoneypotField() {
  const t = useTranslations('report.extra');
  return (
    <div className="report-hp" aria-hidden="true">
      <label htmlFor="champ-site-web">{t('honeypot')}</label>
      <input id="champ-site-web" type="text" name="site_web" tabIndex={-1} autoComplete="off" defaultValue="" />
    </div>
  );
}
