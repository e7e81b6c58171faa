import { localMinuteOfDay } from '@/lib/calendar/day-type';
import { getScopeShares } from './academy-shares';
import { getSimPlatform, listSimPlatforms, type SimPlatform } from './catalog';
import { getOutageEnvelope } from './outage-profile';
import { formatSince } from './phrases';
import { getPeakRate } from './platform-rates';
import { createNegBinomialSampler, createRng, type NegBinomialSampler, type Rng } from './rng';
import { bendBackground, type TrafficEvent, type TrafficMode } from './traffic-modes';
import type { BaselineWindow, OutageKind, OutageSpec, OutageTruth, Scenario } from './types';
import { buildUsageFactors, MINUTE_MS, type SimWindow } from './usage-factors';

/** One (platform, académie) stream of distinct reporters, background or one outage's extra. */
export type CountProcess = {
  platformId: string;
  academyId: string;
  kind: OutageKind | null;
  outageId?: string;
  /** Local start time of the outage ("8h30") for comments. */
  since?: string;
  /** Active minutes [from, to) of the window. */
  from: number;
  to: number;
  meanAt: (minute: number) => number;
  sampleCount: NegBinomialSampler;
  attrRng: Rng;
};

// Doc §2: distinct reporters per minute ~ NB with var = μ + 0.3 μ².
const DISPERSION = 0.3;

function createCountSampler(seed: number, ...streams: string[]): NegBinomialSampler {
  return createNegBinomialSampler(createRng(seed, 'count', ...streams), DISPERSION);
}

type BuildInput = {
  window: SimWindow;
  seed: number;
  scale: number;
  platforms: readonly SimPlatform[];
  scenarios: readonly Scenario[];
  mode?: TrafficMode;
  events?: readonly TrafficEvent[];
};

/** Platforms to simulate: the given ids (validated) or the whole catalogue. */
export function selectPlatforms(ids: readonly string[] | undefined): SimPlatform[] {
  return ids ? ids.map(getSimPlatform) : [...listSimPlatforms()];
}

function buildBackground(input: BuildInput): CountProcess[] {
  const { window, seed, scale, platforms, scenarios } = input;
  const multipliers: BaselineWindow[] = scenarios.flatMap((s) => s.baselineMultipliers ?? []);
  const factorsByAcademy = new Map<string, Float64Array>();
  const processes: CountProcess[] = [];
  for (const platform of platforms) {
    const peak = getPeakRate(platform.id, platform.scope) * scale;
    for (const [academyId, share] of getScopeShares(platform.academies)) {
      let factors = factorsByAcademy.get(academyId);
      if (!factors) {
        factors = buildUsageFactors({ window, academyId, multipliers });
        factorsByAcademy.set(academyId, factors);
      }
      const usage = factors;
      const rate = peak * share;
      const process: CountProcess = {
        platformId: platform.id,
        academyId,
        kind: null,
        from: 0,
        to: window.minutes,
        meanAt: (minute) => rate * (usage[minute] ?? 0),
        sampleCount: createCountSampler(seed, 'bg', platform.id, academyId),
        attrRng: createRng(seed, 'attr', 'bg', platform.id, academyId),
      };
      const { mode, events = [] } = input;
      processes.push(mode ? bendBackground({ process, mode, window, seed, rate, usage, events }) : process);
    }
  }
  return processes;
}

function resolveScope(spec: OutageSpec): string[] {
  const served = getSimPlatform(spec.platformId).academies;
  if (spec.academies === 'national') return served;
  for (const id of spec.academies) {
    if (!served.includes(id)) {
      throw new Error(`${spec.platformId} ne dessert pas ${id} (${spec.id})`);
    }
  }
  return spec.academies;
}

function buildOutage(spec: OutageSpec, input: BuildInput): CountProcess[] {
  const { window, seed, scale } = input;
  const from = Math.max(0, Math.ceil((spec.start - window.t0) / MINUTE_MS));
  const to = Math.min(window.minutes, Math.ceil((spec.end - window.t0) / MINUTE_MS));
  if (to <= from) return [];
  const offset = (window.t0 - spec.start) / MINUTE_MS;
  return [...getScopeShares(resolveScope(spec))].map(([academyId, share]) => {
    const rate = spec.extraPerMinute * scale * share;
    return {
      platformId: spec.platformId,
      academyId,
      kind: spec.kind,
      outageId: spec.id,
      since: formatSince(localMinuteOfDay(spec.start, academyId)),
      from,
      to,
      meanAt: (minute: number) => rate * getOutageEnvelope(spec, minute + offset),
      sampleCount: createCountSampler(seed, 'outage', spec.id, academyId),
      attrRng: createRng(seed, 'attr', 'outage', spec.id, academyId),
    };
  });
}

/** Outages of the scenarios that touch the selected platforms; throws on a duplicate id. */
export function listOutages(
  scenarios: readonly Scenario[],
  platformIds: Set<string>,
): OutageSpec[] {
  const seen = new Set<string>();
  const outages = scenarios.flatMap((s) => s.outages).filter((o) => platformIds.has(o.platformId));
  for (const outage of outages) {
    if (seen.has(outage.id)) throw new Error(`Identifiant de panne en double : ${outage.id}`);
    seen.add(outage.id);
  }
  return outages;
}

/** Background processes for every served (platform, académie), then one per outage académie. */
export function buildProcesses(input: BuildInput): CountProcess[] {
  const platformIds = new Set(input.platforms.map((p) => p.id));
  const outages = listOutages(input.scenarios, platformIds);
  return [...buildBackground(input), ...outages.flatMap((spec) => buildOutage(spec, input))];
}

/** Ground truth of the injected outages, clipped to the window; extraPerMinute includes scale. */
export function buildTruth(input: Omit<BuildInput, 'seed'>): OutageTruth[] {
  const { window, scale } = input;
  const windowEnd = window.t0 + window.minutes * MINUTE_MS;
  const platformIds = new Set(input.platforms.map((p) => p.id));
  return listOutages(input.scenarios, platformIds).flatMap((spec) => {
    const start = Math.max(spec.start, window.t0);
    const end = Math.min(spec.end, windowEnd);
    if (end <= start) return [];
    const academies = spec.academies === 'national' ? 'national' : [...spec.academies];
    const { id, platformId, kind } = spec;
    const extraPerMinute = spec.extraPerMinute * scale;
    return [{ id, platformId, academies, start, end, kind, extraPerMinute }];
  });
}
