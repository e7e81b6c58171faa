import { formatCount } from '@/lib/domain/format';

type Option = { value: string; label: string; count: number };
type Props = {
  query: Record<string, string | undefined>;
  facets: Record<'platform' | 'academy' | 'category' | 'role' | 'flag', Option[]>;
  periods: Array<{ value: string; count: number }>;
};

const FACETS = [
  { facet: 'platform', name: 'service', label: 'Service' },
  { facet: 'academy', name: 'academie', label: 'Académie' },
  { facet: 'category', name: 'categorie', label: 'Catégorie' },
  { facet: 'role', name: 'role', label: 'Rôle' },
  { facet: 'flag', name: 'motif', label: 'Motif d’écart' },
] as const;
const PERIOD_LABELS: Record<string, string> = { heure: 'Dernière heure', jour: 'Dernières 24 h', semaine: '7 derniers jours', tout: 'Tout' };

/** GET form: each filter lists its values with the number of pending comments under the other filters. */
export function QueueFilters({ query, facets, periods }: Props) {
  return (
    <form method="get" className="admin-form-inline queue-filters" aria-label="Filtrer la file">
      {FACETS.map(({ facet, name, label }) => (
        <label key={name}>
          {label}
          <select name={name} defaultValue={query[name] ?? ''}>
            <option value="">Tous</option>
            {facets[facet].map((o) => (
              <option key={o.value} value={o.value}>
                {o.label} ({formatCount(o.count)})
              </option>
            ))}
          </select>
        </label>
      ))}
      <label>
        Période
        <select name="periode" defaultValue={query.periode ?? 'tout'}>
          {periods.map((p) => (
            <option key={p.value} value={p.value}>
              {PERIOD_LABELS[p.value] ?? p.value} ({formatCount(p.count)})
            </option>
          ))}
        </select>
      </label>
      <label>
        Ordre
        <select name="ordre" defaultValue={query.ordre ?? 'recent'}>
          <option value="recent">Plus récents d’abord</option>
          <option value="ancien">Plus anciens d’abord</option>
        </select>
      </label>
      <button type="submit" className="admin-btn">
        Filtrer
      </button>
    </form>
  );
}
