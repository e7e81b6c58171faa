'use client';

import { useTranslations } from 'next-intl';
import { useEffect, useRef, useState } from 'react';
import {
  COMMUNE_QUERY_MAX_LENGTH,
  COMMUNES_ENDPOINT,
  isSearchableQuery,
  parseCommuneItems,
  resolveCommuneQuery,
  type CommuneResolution,
} from '@/lib/report-client/commune-choices';
import type { AcademyArgs } from '@/lib/report-client/report-text';

type Props = {
  academyArgs: (id: string) => AcademyArgs;
  onPick: (academy: string) => void;
};

type Result = { query: string; resolution: CommuneResolution } | { query: string; failed: true };

const DEBOUNCE_MS = 250;

/** Postal code or commune name → académie, through GET /api/geo/communes. */
export function CommuneSearch({ academyArgs, onPick }: Props) {
  const t = useTranslations('report.commune');
  const [query, setQuery] = useState('');
  const [result, setResult] = useState<Result | null>(null);
  const onPickRef = useRef(onPick);

  useEffect(() => {
    onPickRef.current = onPick;
  }, [onPick]);

  useEffect(() => {
    if (!isSearchableQuery(query)) return;
    const controller = new AbortController();
    const timer = setTimeout(() => {
      fetch(`${COMMUNES_ENDPOINT}?q=${encodeURIComponent(query.trim())}`, { signal: controller.signal })
        .then((res) => (res.ok ? res.json() : Promise.reject(new Error(String(res.status)))))
        .then((body: unknown) => {
          const resolution = resolveCommuneQuery(query, parseCommuneItems(body));
          setResult({ query, resolution });
          if (resolution.kind === 'academy') onPickRef.current(resolution.academy);
        })
        .catch(() => !controller.signal.aborted && setResult({ query, failed: true }));
    }, DEBOUNCE_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [query]);

  const current = result && result.query === query && isSearchableQuery(query) ? result : null;
  return (
    <div className="report-search">
      <label htmlFor="recherche-commune">{t('label')}</label>
      <input
        id="recherche-commune"
        type="search"
        inputMode="search"
        autoComplete="off"
        maxLength={COMMUNE_QUERY_MAX_LENGTH}
        value={query}
        onChange={(event) => setQuery(event.target.value)}
        aria-describedby="commune-resultat"
      />
      <div id="commune-resultat" aria-live="polite">
        {current && <CommuneResult result={current} academyArgs={academyArgs} onPick={onPick} />}
      </div>
    </div>
  );
}

function CommuneResult({ result, academyArgs, onPick }: { result: Result } & Props) {
  const t = useTranslations('report');
  if ('failed' in result) {
    return <p className="report-hint">{t('commune.failed')}</p>;
  }
  const { resolution } = result;
  if (resolution.kind === 'none') {
    return <p className="report-hint">{t('commune.none')}</p>;
  }
  if (resolution.kind === 'academy') {
    return <p className="report-hint">{t('academy.chosen', academyArgs(resolution.academy))}</p>;
  }
  if (resolution.kind === 'choose') {
    return (
      <>
        <p className="report-hint">{t('commune.several')}</p>
        <ul className="report-choices">
          {resolution.academies.map((academy) => (
            <li key={academy}>
              <button type="button" className="report-btn-secondary" onClick={() => onPick(academy)}>
                {t('academy.option', academyArgs(academy))}
              </button>
            </li>
          ))}
        </ul>
      </>
    );
  }
  return (
    <ul className="report-choices">
      {resolution.items.map((item) => (
        <li key={`${item.name}-${item.postalCode}`}>
          <button type="button" className="report-btn-secondary" onClick={() => onPick(item.academy)}>
            {item.name} ({item.postalCode})<span className="report-option-detail">{t('academy.option', academyArgs(item.academy))}</span>
          </button>
        </li>
      ))}
    </ul>
  );
}
