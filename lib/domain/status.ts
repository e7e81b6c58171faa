import type { PlatformStatus } from './types';

export const STATUS_LABELS: Record<PlatformStatus, string> = {
  operational: 'Fonctionne',
  degraded: 'Problème possible',
  outage: 'Panne détectée',
};

/** operational / degraded (problème possible) / outage (panne détectée), from open incidents. */
export function statusFromIncidents(incidents: ReadonlyArray<{ level: 'possible' | 'detected' }>): PlatformStatus {
  if (incidents.some((i) => i.level === 'detected')) return 'outage';
  return incidents.length > 0 ? 'degraded' : 'operational';
}
