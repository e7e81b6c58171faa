'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { listPlatformChoices, listVisiblePlatforms, type PlatformOption } from '@/lib/report-client/platform-choices';
import type { AcademyArgs } from '@/lib/report-client/report-text';
import { describedBy, errorIdOf, FieldError } from './field-error';
import { PENDING_WIDGET, useHydrated } from './use-hydrated';

type Props = {
  platforms: PlatformOption[];
  academy: string;
  academyNames: AcademyArgs | null;
  value: string;
  error: string | undefined;
  onChange: (platform: string) => void;
  /** Listed first: services in trouble in the académie now, then this device's usual ones. */
  preferred?: readonly string[];
  troubled?: ReadonlySet<string>;
  usual?: ReadonlySet<string>;
};

/** On a phone the académie's list is cut to its likeliest entries, the rest one tap away. */
export const COMPACT_PLATFORM_COUNT = 6;

export const PLATFORM_SEARCH_ID = 'recherche-service';

/** Id the error summary links to: the first national platform, listed whatever the académie. */
export function platformTargetId(platforms: PlatformOption[]): string {
  const first = listPlatformChoices(platforms, {})[0];
  return first ? `plateforme-${first.id}` : PLATFORM_SEARCH_ID;
}

export function PlatformPicker({ platforms, academy, academyNames, value, error, onChange, preferred, troubled, usual }: Props) {
  const t = useTranslations();
  const isHydrated = useHydrated();
  const [query, setQuery] = useState('');
  const [showAll, setShowAll] = useState(false);
  const all = listVisiblePlatforms({ platforms, academy, query, selected: value, isInteractive: isHydrated, preferred });
  const isCompact = isHydrated && academy !== '' && query.trim() === '' && !showAll && all.length > COMPACT_PLATFORM_COUNT + 1;
  const shown = isCompact ? all.slice(0, COMPACT_PLATFORM_COUNT) : all;
  const choices = isCompact && value && !shown.some((p) => p.id === value) ? [...shown, ...all.filter((p) => p.id === value)] : shown;
  const errorId = error ? errorIdOf('plateforme') : undefined;
  return (
    <fieldset className="report-field" id="champ-plateforme">
      <legend>
        {t('report.platform.legend')} <span className="report-required">{t('report.required')}</span>
      </legend>
      <FieldError id={errorIdOf('plateforme')} message={error} />
      {/* Rendered hidden before hydration so its space is kept and the list below does not jump (CLS). */}
      <div className="report-search js-only" {...(isHydrated ? {} : PENDING_WIDGET)}>
        <label htmlFor={PLATFORM_SEARCH_ID}>{t('report.platform.searchLabel')}</label>
        <input
          id={PLATFORM_SEARCH_ID}
          type="search"
          value={query}
          autoComplete="off"
          onChange={(event) => setQuery(event.target.value)}
          aria-describedby="services-aide"
        />
        <p id="services-aide" className="report-hint" aria-live="polite">
          {academyNames
            ? t('report.platform.hintAcademy', { ...academyNames, count: all.length })
            : t(query ? 'report.platform.hintQuery' : 'report.platform.hintNational', { count: choices.length })}
        </p>
      </div>
      {choices.length === 0 ? (
        <p className="report-hint">{t('report.platform.none')}</p>
      ) : (
        <ul className="report-options report-platforms">
          {choices.map((platform) => (
            <li key={platform.id} className="report-option">
              {/* eslint-disable-next-line jsx-a11y/role-supports-aria-props -- screen readers announce an invalid radio group on its options; the fieldset carries the message */}
              <input
                type="radio"
                id={`plateforme-${platform.id}`}
                name="plateforme"
                value={platform.id}
                checked={value === platform.id}
                onChange={() => onChange(platform.id)}
                aria-invalid={error ? true : undefined}
                aria-describedby={describedBy(errorId, `plateforme-${platform.id}-type`)}
              />
              <label htmlFor={`plateforme-${platform.id}`}>
                {platform.name}
                <span id={`plateforme-${platform.id}-type`} className="report-option-detail">
                  {troubled?.has(platform.id) ? <strong className="report-option-alert">{t('report.platform.troubledHere')} · </strong> : null}
                  {usual?.has(platform.id) && !troubled?.has(platform.id) ? `${t('report.platform.usual')} · ` : null}
                  {t(`labels.kinds.${platform.kind}`)} · {t(`labels.scopes.${platform.scope}`)}
                </span>
              </label>
            </li>
          ))}
        </ul>
      )}
      {isCompact ? (
        <button type="button" className="report-btn-secondary report-more" onClick={() => setShowAll(true)}>
          {t('report.platform.showAll', { count: all.length - choices.length })}
        </button>
      ) : null}
    </fieldset>
  );
}
