import { useFormatter, useTranslations } from 'next-intl';
import { memo } from 'react';
import { useHydrated } from '@/components/report/use-hydrated';
import type { AcademyState } from '@/lib/map-state/types';
import type { NameLookup } from '@/lib/map-view/catalog';
import { sortAcademies, type AcademySortKey, type SortDirection } from '@/lib/map-view/rank';
import { severityStyle } from '@/lib/map-view/severity-style';
import { academyArgs } from './academy-text';
import { SeverityLabel } from './severity-label';

export type TableSort = { key: AcademySortKey; direction: SortDirection };

type Props = {
  academies: readonly AcademyState[];
  names: NameLookup;
  atText: string;
  sort: TableSort;
  onSort(sort: TableSort): void;
  selectHref(id: string): string;
  onSelect(id: string, event: React.MouseEvent): void;
};

/** Local services first (what is wrong here), nationwide ones after with their tag; three at most. */
function platformList(platforms: AcademyState['platforms'], names: NameLookup, tag: string): string {
  const ordered = [...platforms.filter((p) => !p.national), ...platforms.filter((p) => p.national)];
  const text = ordered.slice(0, 3).map((p) => (p.national ? `${names.platform(p.platformId)} (${tag})` : names.platform(p.platformId)));
  return text.join(', ') + (ordered.length > 3 ? '…' : '');
}

const NATURAL: Record<AcademySortKey, SortDirection> = { severity: 'desc', reporters: 'desc', name: 'asc' };

function SortHeader(props: { column: AcademySortKey; label: string; sort: TableSort; onSort: Props['onSort']; sortable: boolean }) {
  const t = useTranslations('home.table');
  const active = props.sort.key === props.column;
  const ariaSort = active ? (props.sort.direction === 'asc' ? 'ascending' : 'descending') : undefined;
  const next: TableSort = { key: props.column, direction: active ? (props.sort.direction === 'asc' ? 'desc' : 'asc') : NATURAL[props.column] };
  return (
    <th scope="col" aria-sort={ariaSort}>
      {props.sortable ? (
        <button type="button" className="table-sort" onClick={() => props.onSort(next)} title={t('sortBy', { column: props.label })}>
          {props.label}
          <span aria-hidden="true">{active ? (props.sort.direction === 'asc' ? ' ▲' : ' ▼') : ' ↕'}</span>
        </button>
      ) : (
        props.label
      )}
    </th>
  );
}

/** The same data as the map, reachable without it: every académie, most affected first by default. */
function AcademyTableView({ academies, names, atText, sort, onSort, selectHref, onSelect }: Props) {
  const t = useTranslations('home.table');
  const tNews = useTranslations('newsroom.national');
  const format = useFormatter();
  const sortable = useHydrated();
  const rows = sortAcademies(
    academies.map((a) => ({ ...a, name: names.academy(a.academyId) })),
    sort.key,
    sort.direction,
  );
  const header = { sort, onSort, sortable };
  const isDefault = sort.key === 'severity' && sort.direction === 'desc';
  return (
    <div className="academy-table-wrap">
      <table className="academy-table">
        <caption>{t(isDefault ? 'caption' : 'captionSorted', { at: atText })}</caption>
        <thead>
          <tr>
            <SortHeader column="name" label={t('academy')} {...header} />
            <SortHeader column="severity" label={t('state')} {...header} />
            <SortHeader column="reporters" label={t('reporters')} {...header} />
            <th scope="col">{t('expected')}</th>
            <th scope="col">{t('platforms')}</th>
            <th scope="col">{t('incidents')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((a) => {
            const served = a.served !== false;
            return (
              <tr key={a.academyId} data-academy={a.academyId} data-severity={served ? a.severity : 'non-desservie'} data-national={a.nationalSeverity ?? 'normal'}>
                <th scope="row">
                  <a href={selectHref(a.academyId)} onClick={(e) => onSelect(a.academyId, e)} aria-label={t('show', academyArgs(names, a.academyId))}>
                    {a.name}
                  </a>
                </th>
                <td>
                  <SeverityLabel style={severityStyle(a.severity, a.intensity, served)} />
                  {served && a.platforms.some((p) => p.national) ? (
                    <span className="platform-tag">{tNews('mapNote', { count: a.platforms.filter((p) => p.national).length })}</span>
                  ) : null}
                </td>
                <td className="num">{format.number(a.reporters)}</td>
                <td className="num">{format.number(a.expected, { maximumFractionDigits: 1 })}</td>
                <td>{a.platforms.length ? platformList(a.platforms, names, tNews('tag')) : t('none')}</td>
                <td className="num">{a.incidentIds.length || t('none')}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

/** Re-renders only when its props change (live updates re-render the page often). */
export const AcademyTable = memo(AcademyTableView);
