'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import type { AcademyOption } from '@/lib/report-client/platform-choices';
import type { AcademyArgs } from '@/lib/report-client/report-text';
import { CommuneSearch } from './commune-search';
import { describedBy, errorIdOf, FieldError } from './field-error';
import { LocateButton } from './locate-button';
import { PENDING_WIDGET, useHydrated } from './use-hydrated';

type Props = {
  academies: AcademyOption[];
  value: string;
  error: string | undefined;
  onChange: (academy: string) => void;
  academyArgs: (id: string) => AcademyArgs;
};

export const ACADEMY_SELECT_ID = 'champ-academie';

/** Three ways to the académie: device position, postal code or commune, or the plain list. */
export function AcademyPicker({ academies, value, error, onChange, academyArgs }: Props) {
  const t = useTranslations('report');
  const isHydrated = useHydrated();
  const [announcement, setAnnouncement] = useState('');
  const errorId = error ? errorIdOf('academie') : undefined;

  function pick(academy: string) {
    onChange(academy);
    setAnnouncement(t('academy.chosen', academyArgs(academy)));
  }

  return (
    <fieldset className="report-field" id="champ-academie-groupe">
      <legend>
        {t('academy.legend')} <span className="report-required">{t('required')}</span>
      </legend>
      <FieldError id={errorIdOf('academie')} message={error} />
      {/* Rendered hidden before hydration so its space is kept and the fields below do not jump (CLS). */}
      <div className="report-finders js-only" {...(isHydrated ? {} : PENDING_WIDGET)}>
        <LocateButton onFound={pick} />
        <CommuneSearch academyArgs={academyArgs} onPick={pick} />
      </div>
      <label htmlFor={ACADEMY_SELECT_ID}>{isHydrated ? t('academy.listLabel') : t('academy.listLabelPlain')}</label>
      <select
        id={ACADEMY_SELECT_ID}
        name="academie"
        value={value}
        onChange={(event) => onChange(event.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(errorId)}
      >
        <option value="">{t('academy.placeholder')}</option>
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
