import { getDayType, localMinuteOfDay } from '@/lib/calendar/day-type';
import { getScopeShares } from './academy-shares';
import { selectPlatforms } from './processes';
import { getPeakRate } from './platform-rates';
import type { SimPlatform } from './catalog';
import { createRng, createWeightedPicker, randomInt, type Rng } from './rng';
import type { OutageKind, OutageSpec, Scenario } from './types';
import { MINUTE_MS } from './usage-factors';

const MIN_EXTRA = 1;
const MAX_EXTRA = 50;
const MIN_DURATION = 15;
const MAX_DURATION = 360;
const SCHOOL_HOURS_SHARE = 0.8;
const SCHOOL_HOURS = { from: 7 * 60 + 30, to: 17 * 60 };
const MAX_TRIES = 500;
const MAX_SUBSET = 5;

const pickKind = createWeightedPicker<OutageKind>([
  ['outage', 0.35],
  ['saturation', 0.25],
  ['slow_burn', 0.25],
  ['attack', 0.15],
]);

function logUniform(rng: Rng, min: number, max: number): number {
  return Math.exp(Math.log(min) + rng() * (Math.log(max) - Math.log(min)));
}

function isSchoolTime(t: number, academyId: string): boolean {
  const dayType = getDayType(t, academyId);
  if (dayType !== 'school' && dayType !== 'wednesday') return false;
  const minute = localMinuteOfDay(t, academyId);
  return minute >= SCHOOL_HOURS.from && minute < SCHOOL_HOURS.to;
}

function pickStart(rng: Rng, range: { first: number; slots: number }, academyId: string): number {
  const wantsSchool = rng() < SCHOOL_HOURS_SHARE;
  let t = range.first;
  for (let i = 0; i < MAX_TRIES; i++) {
    t = range.first + randomInt(rng, range.slots) * MINUTE_MS;
    if (!wantsSchool || isSchoolTime(t, academyId)) return t;
  }
  return t;
}

function pickScope(rng: Rng, platform: SimPlatform): string[] | 'national' {
  const served = platform.academies;
  if (served.length === 1 || rng() < 0.5) {
    return platform.scope === 'national' ? 'national' : served;
  }
  const pool = [...served];
  const size = 1 + randomInt(rng, Math.min(MAX_SUBSET, served.length - 1));
  for (let i = 0; i < size; i++) {
    const j = i + randomInt(rng, pool.length - i);
    const chosen = pool[j];
    const current = pool[i];
    if (chosen !== undefined && current !== undefined) [pool[i], pool[j]] = [chosen, current];
  }
  return pool.slice(0, size);
}

type Shape = Pick<OutageSpec, 'rampMinutes' | 'decay'>;

function pickShape(rng: Rng, kind: OutageKind, duration: number): Shape {
  const isRamp = kind === 'slow_burn' || (kind === 'saturation' && rng() < 0.5);
  const rampMinutes = isRamp ? Math.round(Math.min(duration / 2, 5 + rng() * 85)) : 0;
  if (duration < 90 || rng() >= 0.3) return { rampMinutes };
  const decay = { halfLifeMinutes: 60 + randomInt(rng, 121), floor: 0.3 + rng() * 0.3 };
  return { rampMinutes, decay };
}

function getLargestAcademy(academyIds: readonly string[]): string {
  let best = academyIds[0] ?? 'paris';
  let bestShare = -1;
  for (const [id, share] of getScopeShares(academyIds)) {
    if (share > bestShare) [best, bestShare] = [id, share];
  }
  return best;
}

/**
 * `count` random outages in [start, end), one Scenario each: platform weighted by √peak rate,
 * 1–50 extra reporters/min × scale (log-uniform), 15 min–6 h, mostly during school hours.
 */
export function randomScenarios({
  seed,
  count,
  start,
  end,
  scale = 1,
  platforms,
}: {
  seed: number;
  count: number;
  start: Date;
  end: Date;
  scale?: number;
  platforms?: string[];
}): Scenario[] {
  const rng = createRng(seed, 'random-scenarios');
  const candidates = selectPlatforms(platforms);
  const pickPlatform = createWeightedPicker(
    candidates.map((p) => [p, Math.sqrt(getPeakRate(p.id, p.scope))] as const),
  );
  const first = Math.ceil(start.getTime() / MINUTE_MS) * MINUTE_MS;
  const windowMinutes = Math.floor((end.getTime() - first) / MINUTE_MS);
  if (windowMinutes < MIN_DURATION) return [];
  const scenarios: Scenario[] = [];
  for (let i = 0; i < count; i++) {
    const platform = pickPlatform(rng);
    const kind = pickKind(rng);
    const maxDuration = Math.min(MAX_DURATION, windowMinutes);
    const duration = Math.round(logUniform(rng, MIN_DURATION, maxDuration));
    const academies = pickScope(rng, platform);
    const scopeIds = academies === 'national' ? platform.academies : academies;
    const mainAcademy = getLargestAcademy(scopeIds);
    const slots = windowMinutes - duration + 1;
    const outageStart = pickStart(rng, { first, slots }, mainAcademy);
    const outage: OutageSpec = {
      id: `random-${seed}-${i}`,
      platformId: platform.id,
      academies,
      start: outageStart,
      end: outageStart + duration * MINUTE_MS,
      extraPerMinute: logUniform(rng, MIN_EXTRA, MAX_EXTRA) * scale,
      kind,
      ...pickShape(rng, kind, duration),
    };
    scenarios.push({ name: outage.id, outages: [outage] });
  }
  return scenarios;
}
