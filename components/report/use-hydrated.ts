import { useSyncExternalStore } from 'react';

function subscribe(): () => void {
  return () => {};
}

/** False during the server render and hydration, true afterwards: widgets that need JavaScript appear then. */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => true,
    () => false,
  );
}

/** Props of a JavaScript-only widget before hydration: laid out (no layout shift later) but invisible and inert. */
export const PENDING_WIDGET = { 'aria-hidden': true, inert: true, style: { visibility: 'hidden' } } as const;
