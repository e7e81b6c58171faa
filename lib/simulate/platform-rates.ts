import type { PlatformScope } from '@/lib/domain/types';

// Peak distinct reporters per minute over a platform's whole scope at the school-day login peak.
// The first ten come from the scenario doc §2; the others are smaller guesses by audience size.
const PEAK_RATES: Record<string, number> = {
  pronote: 0.3,
  ecoledirecte: 0.08,
  'cned-ma-classe-a-la-maison': 0.05,
  'monlycee-net': 0.06,
  'ent-hauts-de-france': 0.03,
  'mon-ent-occitanie': 0.03,
  'mon-bureau-numerique': 0.03,
  'lycee-connecte': 0.03,
  'leduc-de-normandie': 0.015,
  netocentre: 0.015,
  educonnect: 0.06,
  'scolarite-services': 0.01,
  parcoursup: 0.02,
  'apps-education-visio': 0.01,
  elea: 0.01,
  lumni: 0.005,
  skolengo: 0.04,
  one: 0.03,
  neo: 0.02,
  'beneylu-school': 0.005,
  'ent-auvergne-rhone-alpes': 0.03,
  atrium: 0.025,
  toutatice: 0.02,
  'e-lyco': 0.02,
  'eclat-bfc': 0.015,
  leia: 0.003,
  'neoconnect-guadeloupe': 0.004,
  'ent-mayotte': 0.004,
};

const DEFAULT_PEAK_BY_SCOPE: Record<PlatformScope, number> = {
  national: 0.01,
  regional: 0.015,
  departemental: 0.005,
};

/** Peak reporters/min for a platform's whole scope, from the doc or a scope default. */
export function getPeakRate(platformId: string, scope: PlatformScope): number {
  return PEAK_RATES[platformId] ?? DEFAULT_PEAK_BY_SCOPE[scope];
}
