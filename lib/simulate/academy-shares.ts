// Approximate pupils (thousands, 1er + 2nd degré, public + privé, around 2020), calibrated so that
// Île-de-France ≈ 19–20 %, Auvergne-Rhône-Alpes ≈ 12 %, Hauts-de-France ≈ 9.5 % (scenario doc §2).
const PUPILS_THOUSANDS: Record<string, number> = {
  paris: 350,
  creteil: 990,
  versailles: 1040,
  lyon: 600,
  grenoble: 650,
  'clermont-ferrand': 240,
  lille: 850,
  amiens: 330,
  'aix-marseille': 570,
  nice: 350,
  bordeaux: 600,
  poitiers: 280,
  limoges: 120,
  toulouse: 530,
  montpellier: 490,
  nantes: 680,
  rennes: 560,
  normandie: 560,
  'orleans-tours': 440,
  'nancy-metz': 390,
  strasbourg: 330,
  reims: 230,
  dijon: 260,
  besancon: 210,
  corse: 50,
  'la-reunion': 220,
  guadeloupe: 80,
  martinique: 60,
  guyane: 85,
  mayotte: 105,
};

const TOTAL_PUPILS = Object.values(PUPILS_THOUSANDS).reduce((sum, value) => sum + value, 0);

/** National share (0–1) of pupils in an académie; the 30 shares sum to 1. Throws if unknown. */
export function getAcademyShare(academyId: string): number {
  const pupils = PUPILS_THOUSANDS[academyId];
  if (pupils === undefined) throw new Error(`Académie inconnue : ${academyId}`);
  return pupils / TOTAL_PUPILS;
}

/** Shares of the given académies renormalised to sum to 1 (how a scope's volume splits). */
export function getScopeShares(academyIds: readonly string[]): Map<string, number> {
  const total = academyIds.reduce((sum, id) => sum + getAcademyShare(id), 0);
  const shares = new Map<string, number>();
  for (const id of academyIds) shares.set(id, total > 0 ? getAcademyShare(id) / total : 0);
  return shares;
}

/** Ids of the académies with a share table entry. */
export function listShareAcademyIds(): string[] {
  return Object.keys(PUPILS_THOUSANDS);
}
