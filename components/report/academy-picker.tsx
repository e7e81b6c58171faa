'use client';

import { useState } from 'react';
import type { AcademyOption } from '@/lib/report-client/platform-choices';
import { CommuneSearch } from './commune-search';
import { describedBy, errorIdOf, FieldError } from './field-error';
import { LocateButton } from './locate-button';
import { useHydrated } from './use-hydrated';

type Props = {
  academies: AcademyOption[];
  value: string;
  error: string | undefined;
  onChange: (academy: string) => void;
  academyComplement: (id: string) => string;
};

export const ACADEMY_SELECT_ID = 'champ-academie';

/** Three ways to the académie: device position, postal code or commune, or the plain list. */
export function AcademyPicker({ academies, value, error, onChange, academyComplement }: Props) {
  const isHydrated = useHydrated();
  const [announcement, setAnnouncement] = useState('');
  const errorId = error ? errorIdOf('academie') : undefined;

  function pick(academy: string) {
    onChange(academy);
    setAnnouncement(`Académie ${academyComplement(academy)} choisie.`);
  }

  return (
    <fieldset className="report-field" id="champ-academie-groupe">
      <legend>
        Votre académie <span className="report-required">(obligatoire)</span>
      </legend>
      <FieldError id={errorIdOf('academie')} message={error} />
      {isHydrated && (
        <div className="report-finders">
          <LocateButton onFound={pick} />
          <CommuneSearch academyComplement={academyComplement} onPick={pick} />
        </div>
      )}
      <label htmlFor={ACADEMY_SELECT_ID}>{isHydrated ? 'Ou choisissez dans la liste' : 'Académie'}</label>
      <select
        id={ACADEMY_SELECT_ID}
        name="academie"
        value={value}
        onChange={(event) => onChange(event.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(errorId)}
      >
        <option value="">Choisissez votre académie</option>
        {academies.map((academy) => (
          <option key={academy.id} value={academy.id}>
            {academy.name}
          </option>
        ))}
      </select>
      <p className="report-sr-only" aria-live="polite">
        {announcement}
      </p>
    </fieldset>
  );
}
