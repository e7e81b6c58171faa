import { useTranslations } from 'next-intl';
import { useEffect, useState } from 'react';
import { PROBLEM_CATEGORIES } from '@/lib/domain/types';
import type { HomeCatalog } from '@/lib/map-view/catalog';
import { parseHomeQuery, type HomeQuery } from '@/lib/map-view/url-state';

type Props = {
  query: HomeQuery;
  platforms: HomeCatalog['platforms'];
  action: string;
  busy: boolean;
  failed: boolean;
  onChange(query: HomeQuery): void;
};

const collator = new Intl.Collator('fr', { sensitivity: 'base' });

/**
 * Platform, problem category and instant: a plain GET form (works without JavaScript, the URL is the
 * state); with JavaScript every change applies at once without reloading the page.
 */
export function FilterForm({ query, platforms, action, busy, failed, onChange }: Props) {
  const t = useTranslations('home');
  const sorted = [...platforms].sort((a, b) => collator.compare(a.name, b.name));
  // The date field is edited part by part: keep what is typed, apply only complete values.
  const [date, setDate] = useState(query.at ?? '');
  useEffect(() => setDate(query.at ?? ''), [query.at]);
  const apply = (fields: { plateforme?: string; categorie?: string; at?: string }) => {
    const raw = { plateforme: query.platformId ?? '', categorie: query.category ?? '', at: query.at ?? '', ...fields };
    onChange({ ...parseHomeQuery(raw).query, academyId: query.academyId });
  };
  return (
    <form
      id="filtres"
      className="home-filters"
      method="get"
      action={action}
      onSubmit={(e) => {
        e.preventDefault();
        apply({ at: date });
      }}
      aria-busy={busy}
    >
      <fieldset>
        <legend>{t('filters.legend')}</legend>
        <div className="home-filter">
          <label htmlFor="filtre-plateforme">{t('filters.platform')}</label>
          <select id="filtre-plateforme" name="plateforme" value={query.platformId ?? ''} onChange={(e) => apply({ plateforme: e.target.value })}>
            <option value="">{t('filters.allPlatforms')}</option>
            {sorted.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        </div>
        <div className="home-filter">
          <label htmlFor="filtre-categorie">{t('filters.category')}</label>
          <select id="filtre-categorie" name="categorie" value={query.category ?? ''} onChange={(e) => apply({ categorie: e.target.value })}>
            <option value="">{t('filters.allCategories')}</option>
            {PROBLEM_CATEGORIES.map((c) => (
              <option key={c} value={c}>
                {t(`categories.${c}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="home-filter home-filter-wide">
          <label htmlFor="filtre-date">{t('filters.at')}</label>
          <input
            id="filtre-date"
            name="at"
            type="datetime-local"
            step="60"
            value={date}
            onChange={(e) => {
              setDate(e.target.value);
              if (e.target.value === '' || e.target.validity.valid) apply({ at: e.target.value });
            }}
            aria-describedby="filtre-date-aide"
          />
          <span id="filtre-date-aide" className="home-filter-hint">
            {t('filters.atHint')}
          </span>
        </div>
        {query.academyId ? <input type="hidden" name="academie" value={query.academyId} /> : null}
        <div className="home-filter-actions">
          <button type="submit" className="home-button">
            {t('filters.submit')}
          </button>
          <a href={action} className="home-reset">
            {t('filters.reset')}
          </a>
        </div>
      </fieldset>
      <p className="home-filter-status" role="status">
        {busy ? t('filters.loading') : failed ? t('filters.failed') : ''}
      </p>
    </form>
  );
}
