import type { RunResult } from '@/bench/lib/detect-eval/evaluation-summary';
import { getSimPlatform } from '@/lib/simulate/catalog';
import { nightTrickle, spamFlood, type Scenario } from '@/lib/simulate/generate';

const MIN = 60_000;
const DAY = 86_400_000;
const SPAM_PLATFORMS = [
  'pronote',
  'monlycee-net',
  'ecoledirecte',
  'ent-hauts-de-france',
  'skolengo',
];

/** One spam burst (one device) and one night trickle (3 people) per seed, on a rotating platform. */
export function probeScenarios(seed: number, evalStart: number): { scenarios: Scenario[]; probes: RunResult['probes'] } {
  const platformId = SPAM_PLATFORMS[seed % SPAM_PLATFORMS.length] ?? 'pronote';
  const served = getSimPlatform(platformId).academies;
  const academyId = served[seed % served.length] ?? served[0] ?? 'paris';
  const day = evalStart + (seed % 5) * DAY;
  const spamAt = day + 10 * 3_600_000;
  const trickleAt = day + 3 * 3_600_000;
  return {
    scenarios: [
      spamFlood({ platformId, academyId, at: spamAt, count: 150, durationMin: 15 }),
      nightTrickle({ platformId, academyId, at: trickleAt, count: 3, spreadMin: 30 }),
    ],
    probes: [
      { kind: 'spam', platformId, from: spamAt, to: spamAt + 75 * MIN },
      { kind: 'trickle', platformId, from: trickleAt, to: trickleAt + 60 * MIN },
    ],
  };
}
