'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import type { AcademyLocator } from '@/lib/geo/point-in-academy';

type Props = { onFound: (academy: string) => void };

type Failure = 'denied' | 'unavailable' | 'timeout' | 'noMap' | 'outside';

type State = { kind: 'idle' } | { kind: 'busy' } | { kind: 'error'; failure: Failure };

/** GeolocationPositionError codes → `report.locate` messages. */
const GEO_FAILURES: Record<number, Failure> = { 1: 'denied', 2: 'unavailable', 3: 'timeout' };

let locatorPromise: Promise<AcademyLocator | null> | null = null;

async function buildLocator(): Promise<AcademyLocator | null> {
  const [res, { createLocatorFromTopology }] = await Promise.all([
    fetch('/api/geo/academies'),
    import('@/lib/report-client/locate-academy'),
  ]);
  return res.ok ? createLocatorFromTopology(await res.json()) : null;
}

/** Boundaries and point-in-polygon code are loaded on the first tap only; a failure is retried next time. */
function loadLocator(): Promise<AcademyLocator | null> {
  locatorPromise ??= buildLocator()
    .catch(() => null)
    .then((locator) => {
      if (!locator) locatorPromise = null;
      return locator;
    });
  return locatorPromise;
}

function errorCode(error: unknown): number {
  return typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'number' ? error.code : 2;
}

function currentPosition(): Promise<GeolocationPosition> {
  return new Promise((resolve, reject) =>
    navigator.geolocation.getCurrentPosition(resolve, reject, {
      enableHighAccuracy: false,
      timeout: 15_000,
      maximumAge: 10 * 60_000,
    }),
  );
}

/** Finds the académie from the device position, entirely in the browser: the position is never sent. */
export function LocateButton({ onFound }: Props) {
  const t = useTranslations('report.locate');
  const [state, setState] = useState<State>({ kind: 'idle' });
  if (typeof navigator !== 'undefined' && !('geolocation' in navigator)) return null;

  async function locate() {
    setState({ kind: 'busy' });
    const locatorLoading = loadLocator();
    try {
      const position = await currentPosition();
      const locator = await locatorLoading;
      if (!locator) {
        setState({ kind: 'error', failure: 'noMap' });
        return;
      }
      const academy = locator.findAcademyAt(position.coords.longitude, position.coords.latitude);
      if (!academy) {
        setState({ kind: 'error', failure: 'outside' });
        return;
      }
      setState({ kind: 'idle' });
      onFound(academy);
    } catch (error) {
      setState({ kind: 'error', failure: GEO_FAILURES[errorCode(error)] ?? 'unavailable' });
    }
  }

  return (
    <div className="report-locate">
      <button type="button" className="report-btn-secondary" onClick={() => void locate()} disabled={state.kind === 'busy'} aria-describedby="localisation-aide">
        {state.kind === 'busy' ? t('busy') : t('button')}
      </button>
      <p id="localisation-aide" className="report-hint">
        {t('help')}
      </p>
      {state.kind === 'error' && (
        <p className="report-field-error" role="alert">
          {t(state.failure)}
        </p>
      )}
    </div>
  );
}
