'use client';

import { useState } from 'react';
import type { AcademyLocator } from '@/lib/geo/point-in-academy';

type Props = { onFound: (academy: string) => void };

type State = { kind: 'idle' } | { kind: 'busy' } | { kind: 'error'; message: string };

const GEO_ERRORS: Record<number, string> = {
  1: 'Vous n’avez pas autorisé la localisation. Cherchez votre commune ou choisissez votre académie dans la liste.',
  2: 'Votre position n’a pas pu être déterminée. Cherchez votre commune ou choisissez votre académie dans la liste.',
  3: 'La localisation a pris trop de temps. Cherchez votre commune ou choisissez votre académie dans la liste.',
};

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
  const [state, setState] = useState<State>({ kind: 'idle' });
  if (typeof navigator !== 'undefined' && !('geolocation' in navigator)) return null;

  async function locate() {
    setState({ kind: 'busy' });
    const locatorLoading = loadLocator();
    try {
      const position = await currentPosition();
      const locator = await locatorLoading;
      if (!locator) {
        setState({ kind: 'error', message: 'La carte des académies n’a pas pu être chargée. Choisissez votre académie dans la liste.' });
        return;
      }
      const academy = locator.findAcademyAt(position.coords.longitude, position.coords.latitude);
      if (!academy) {
        setState({ kind: 'error', message: 'Votre position est hors des académies françaises. Choisissez votre académie dans la liste.' });
        return;
      }
      setState({ kind: 'idle' });
      onFound(academy);
    } catch (error) {
      setState({ kind: 'error', message: GEO_ERRORS[errorCode(error)] ?? GEO_ERRORS[2] ?? '' });
    }
  }

  return (
    <div className="report-locate">
      <button type="button" className="report-btn-secondary" onClick={() => void locate()} disabled={state.kind === 'busy'} aria-describedby="localisation-aide">
        {state.kind === 'busy' ? 'Localisation…' : 'Me localiser'}
      </button>
      <p id="localisation-aide" className="report-hint">
        Votre position reste sur votre appareil&nbsp;: elle sert seulement à trouver votre académie et n’est envoyée nulle part.
      </p>
      {state.kind === 'error' && (
        <p className="report-field-error" role="alert">
          {state.message}
        </p>
      )}
    </div>
  );
}
