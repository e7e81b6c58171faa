import { KIND_LABELS } from '@/lib/domain/labels';
import { STATUS_LABELS } from '@/lib/domain/status';
import type { Platform, PlatformKind, PlatformStatus } from '@/lib/domain/types';

const SCOPE_LABELS = { national: 'National', regional: 'Régional', departemental: 'Départemental' } as const;

function groupByKind(platforms: Platform[]): Array<[PlatformKind, Platform[]]> {
  const groups = new Map<PlatformKind, Platform[]>();
  for (const p of platforms) groups.set(p.kind, [...(groups.get(p.kind) ?? []), p]);
  return [...groups.entries()].sort((a, b) => b[1].length - a[1].length);
}

/** The platform catalogue, grouped by kind; national services first in each group. */
export function PlatformList({
  platforms,
  academyNames,
  statuses,
}: {
  platforms: Platform[];
  academyNames: Map<string, string>;
  statuses: Map<string, PlatformStatus>;
}) {
  return (
    <div className="platform-groups">
      {groupByKind(platforms).map(([kind, items]) => (
        <section key={kind} aria-labelledby={`kind-${kind}`}>
          <h3 id={`kind-${kind}`}>{KIND_LABELS[kind]}</h3>
          <ul className="platform-list">
            {[...items]
              .sort((a, b) => Number(b.scope === 'national') - Number(a.scope === 'national') || a.name.localeCompare(b.name, 'fr'))
              .map((p) => (
                <li key={p.id} className="platform-item" data-platform={p.id}>
                  <span className="platform-name">
                    {p.name}{' '}
                    <span className={`status-badge status-${statuses.get(p.id) ?? 'operational'}`}>
                      {STATUS_LABELS[statuses.get(p.id) ?? 'operational']}
                    </span>
                  </span>
                  <span className="platform-scope">
                    {p.scope === 'national'
                      ? SCOPE_LABELS.national
                      : `${SCOPE_LABELS[p.scope]} · ${p.academies.map((a) => academyNames.get(a) ?? a).join(', ')}`}
                  </span>
                  {p.operator ? <span className="platform-operator">{p.operator}</span> : null}
                </li>
              ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
