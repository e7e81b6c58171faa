'use client';

import { useState } from 'react';
import { KIND_LABELS } from '@/lib/domain/labels';
import type { PlatformScope } from '@/lib/domain/types';
import { listPlatformChoices, listVisiblePlatforms, type PlatformOption } from '@/lib/report-client/platform-choices';
import { describedBy, errorIdOf, FieldError } from './field-error';
import { useHydrated } from './use-hydrated';

type Props = {
  platforms: PlatformOption[];
  academy: string;
  academyLabel: string | null;
  value: string;
  error: string | undefined;
  onChange: (platform: string) => void;
};

const SCOPE_LABELS: Record<PlatformScope, string> = {
  national: 'national',
  regional: 'régional',
  departemental: 'départemental',
};

export const PLATFORM_SEARCH_ID = 'recherche-service';

/** Id the error summary links to: the first national platform, listed whatever the académie. */
export function platformTargetId(platforms: PlatformOption[]): string {
  const first = listPlatformChoices(platforms, {})[0];
  return first ? `plateforme-${first.id}` : PLATFORM_SEARCH_ID;
}

function listHint(academyLabel: string | null, query: string, count: number): string {
  if (academyLabel) return `Services utilisés dans ${academyLabel}\u00a0: ${count}.`;
  if (query) return `Services trouvés\u00a0: ${count}.`;
  return `Services nationaux\u00a0: ${count}. Choisissez votre académie pour voir aussi les services régionaux et départementaux, ou cherchez-les par leur nom.`;
}

export function PlatformPicker({ platforms, academy, academyLabel, value, error, onChange }: Props) {
  const isHydrated = useHydrated();
  const [query, setQuery] = useState('');
  const choices = listVisiblePlatforms({ platforms, academy, query, selected: value, isInteractive: isHydrated });
  const errorId = error ? errorIdOf('plateforme') : undefined;
  return (
    <fieldset className="report-field" id="champ-plateforme">
      <legend>
        Quel service ne marche pas&#8239;? <span className="report-required">(obligatoire)</span>
      </legend>
      <FieldError id={errorIdOf('plateforme')} message={error} />
      {isHydrated && (
        <div className="report-search">
          <label htmlFor={PLATFORM_SEARCH_ID}>Rechercher un service (nom ou adresse du site)</label>
          <input
            id={PLATFORM_SEARCH_ID}
            type="search"
            value={query}
            autoComplete="off"
            onChange={(event) => setQuery(event.target.value)}
            aria-describedby="services-aide"
          />
          <p id="services-aide" className="report-hint" aria-live="polite">
            {listHint(academyLabel, query, choices.length)}
          </p>
        </div>
      )}
      {choices.length === 0 ? (
        <p className="report-hint">Aucun service ne correspond à cette recherche.</p>
      ) : (
        <ul className="report-options report-platforms">
          {choices.map((platform) => (
            <li key={platform.id} className="report-option">
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
                  {KIND_LABELS[platform.kind]} · {SCOPE_LABELS[platform.scope]}
                </span>
              </label>
            </li>
          ))}
        </ul>
      )}
    </fieldset>
  );
}
