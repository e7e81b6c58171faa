import { useTranslations } from 'next-intl';
import { INCIDENT_LEVELS, INCIDENT_STATES } from '@/lib/domain/types';

type Option = { id: string; name: string };
type Props = { action: string; values: Partial<Record<string, string>>; platforms: Option[]; academies: Option[] };

/** The filters of /incidents: a plain GET form (works without JavaScript). */
export function IncidentFilters({ action, values, platforms, academies }: Props) {
  const t = useTranslations('newsroom.incidents.filters');
  const d = useTranslations('dashboard');
  return (
    <form method="get" action={action} className="card incident-filters">
      <fieldset>
        <legend>{t('legend')}</legend>
        <label>
          {t('platform')}
          <select name="plateforme" defaultValue={values.plateforme ?? ''}>
            <option value="">{t('all')}</option>
            {platforms.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('academy')}
          <select name="academie" defaultValue={values.academie ?? ''}>
            <option value="">{t('allAcademies')}</option>
            {academies.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('from')}
          <input type="datetime-local" name="de" defaultValue={values.de ?? ''} />
        </label>
        <label>
          {t('to')}
          <input type="datetime-local" name="a" defaultValue={values.a ?? ''} />
        </label>
        <label>
          {t('level')}
          <select name="niveau" defaultValue={values.niveau ?? ''}>
            <option value="">{t('allLevels')}</option>
            {INCIDENT_LEVELS.map((l) => (
              <option key={l} value={l}>
                {d(`level.${l}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('state')}
          <select name="etat" defaultValue={values.etat ?? ''}>
            <option value="">{t('allStates')}</option>
            {INCIDENT_STATES.map((s) => (
              <option key={s} value={s}>
                {d(`state.${s}`)}
              </option>
            ))}
          </select>
        </label>
        <button type="submit">{t('submit')}</button>
      </fieldset>
    </form>
  );
}
