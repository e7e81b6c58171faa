import type { SimulateCliOptions } from './simulate-args';
import { randomScenarios } from '@/lib/simulate/random-scenarios';
import { nightTrickle, scenario2021, spamFlood } from '@/lib/simulate/scenarios';
import type { Scenario } from '@/lib/simulate/types';

const HOUR_MS = 3_600_000;

/** The scenarios behind `npm run simulate -- --scenario …`. */
export function scenariosFor(options: SimulateCliOptions): Scenario[] {
  const { start, end, seed, scale } = options;
  switch (options.scenario) {
    case '2021-04-06':
      return [scenario2021()];
    case 'random':
      return randomScenarios({ seed, count: 6, start, end, scale });
    case 'spam': {
      const at = end.getTime() - 6 * HOUR_MS;
      return [
        spamFlood({ platformId: 'pronote', academyId: 'lyon', at, count: 400, durationMin: 20 }),
        nightTrickle({ platformId: 'ecoledirecte', academyId: 'rennes', at: end.getTime() - 20 * HOUR_MS }),
      ];
    }
    case 'none':
      return [];
  }
}
