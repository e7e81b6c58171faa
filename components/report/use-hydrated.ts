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
