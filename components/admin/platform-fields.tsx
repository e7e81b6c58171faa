import { PLATFORM_LEVELS, type PlatformFields } from '@/lib/catalog/schema';
import { PLATFORM_KINDS, PLATFORM_SCOPES } from '@/lib/domain/types';

/** The editable fields of a catalogue entry (add and edit forms). */
export function PlatformFieldInputs(props: { values?: PlatformFields; academies: Array<{ id: string; name: string }> }) {
  const v = props.values;
  return (
    <>
      <label>
        Nom
        <input type="text" name="name" required maxLength={120} defaultValue={v?.name} />
      </label>
      <label>
        Type
        <select name="kind" defaultValue={v?.kind ?? 'ENT'}>
          {PLATFORM_KINDS.map((k) => (
            <option key={k}>{k}</option>
          ))}
        </select>
      </label>
      <label>
        Portée
        <select name="scope" defaultValue={v?.scope ?? 'regional'}>
          {PLATFORM_SCOPES.map((s) => (
            <option key={s}>{s}</option>
          ))}
        </select>
      </label>
      <label>
        Opérateur
        <input type="text" name="operator" maxLength={120} defaultValue={v?.operator ?? ''} />
      </label>
      <label>
        Page de statut (URL)
        <input type="url" name="statusPageUrl" maxLength={300} defaultValue={v?.statusPageUrl ?? ''} />
      </label>
      <label>
        Autres noms (un par ligne ou séparés par des virgules)
        <textarea name="aliases" rows={2} defaultValue={v?.aliases.join('\n')} />
      </label>
      <label>
        Domaines
        <textarea name="domains" rows={2} defaultValue={v?.domains.join('\n')} />
      </label>
      <fieldset className="admin-checks">
        <legend>Niveaux</legend>
        {PLATFORM_LEVELS.map((level) => (
          <label key={level}>
            <input type="checkbox" name="levels" value={level} defaultChecked={v?.levels.includes(level)} /> {level}
          </label>
        ))}
      </fieldset>
      <fieldset className="admin-checks">
        <legend>Académies desservies</legend>
        {props.academies.map((a) => (
          <label key={a.id}>
            <input type="checkbox" name="academies" value={a.id} defaultChecked={v?.academies.includes(a.id)} /> {a.name}
          </label>
        ))}
      </fieldset>
      <label>
        Notes
        <textarea name="notes" rows={2} maxLength={1000} defaultValue={v?.notes ?? ''} />
      </label>
    </>
  );
}
