import type { SettingDefinition } from '@/lib/domain/settings';
import { formatCount } from '@/lib/domain/format';

type Props = {
  definition: SettingDefinition;
  stored: number | string | undefined;
  fallback: number | string;
  effective: number | string;
};

function show(value: number | string): string {
  if (typeof value === 'number') return formatCount(value);
  return value === '' ? '(aucun)' : `« ${value} »`;
}

/** One setting: the stored value (empty = default), what applies now and where the default comes from. */
export function SettingField({ definition: d, stored, fallback, effective }: Props) {
  const helpId = `aide-${d.name}`;
  const origin = d.envName ? `variable ${d.envName} ou valeur intégrée` : 'valeur intégrée';
  return (
    <div className="admin-card">
      <label>
        {d.label}
        {d.kind === 'integer' ? (
          <input type="text" inputMode="numeric" name={d.name} defaultValue={stored === undefined ? '' : String(stored)} placeholder={formatCount(Number(fallback))} aria-describedby={helpId} />
        ) : (
          <textarea name={d.name} rows={2} maxLength={d.maxLength} defaultValue={stored === undefined ? '' : String(stored)} aria-describedby={helpId} />
        )}
      </label>
      <p id={helpId} className="admin-muted">
        {d.help} {d.kind === 'integer' ? `Entre ${formatCount(d.min)} et ${formatCount(d.max)} (${d.unit}). ` : null}
        Par défaut&nbsp;: {show(fallback)} ({origin}). En vigueur&nbsp;: <strong>{show(effective)}</strong>
        {stored === undefined ? ' (valeur par défaut)' : ' (réglage)'}.
      </p>
    </div>
  );
}
