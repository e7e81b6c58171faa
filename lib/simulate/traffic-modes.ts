/*
 * Traffic that is not the detector's model (negative binomial around a fixed calendar shape):
 * each mode bends the simulated background in one way real traffic does. Pure and seeded.
 */
import { getSimPlatform } from './catalog';
import type { CountProcess } from './processes';
import { createRng, randomInt, sampleGamma, sampleNormal, type Rng } from './rng';
import type { BaselineWindow } from './types';
import { MINUTE_MS, type SimWindow } from './usage-factors';

export const TRAFFIC_MODES = [
  'overdispersed',
  'media-bursts',
  'level-shifts',
  'drifting-shape',
  'autocorrelated',
  'late-batches',
  'calendar-surprises',
] as const;
export type TrafficMode = (typeof TRAFFIC_MODES)[number];

/** Burst, shift or late batch placed in a window; `factor` multiplies the background. */
export type TrafficEvent =
  | { kind: 'burst'; platformId: string; from: number; to: number; factor: number }
  | { kind: 'shift'; platformId: string; academyId: string; from: number; factor: number }
  | { kind: 'late'; academyId: string; from: number; to: number };

const DAY_MS = 86_400_000;
/** Drifting shape: the daily curve slides this many minutes later per day (from DRIFT_ORIGIN). */
const DRIFT_MINUTES_PER_DAY = 1.5;
const DRIFT_ORIGIN = Date.UTC(2021, 0, 4);
/** Autocorrelated noise: AR(1) log-rate, lag-1 correlation and stationary standard deviation. */
const AR_RHO = 0.97;
const AR_SIGMA = 0.45;
const PARIS_OFFSET_MINUTES = 60;

/** Extra per-minute dispersion by local hour: mild in the morning, heavy at lunch and evening. */
export function extraDispersionAt(t: number): number {
  const hour = Math.floor((((t / MINUTE_MS + PARIS_OFFSET_MINUTES) % 1440) + 1440) % 1440 / 60);
  if (hour >= 12 && hour < 14) return 1.5;
  if (hour >= 18 && hour < 22) return 2;
  return 0.6;
}

function gammaFactor(rng: Rng, dispersion: number): number {
  const shape = 1 / dispersion;
  return sampleGamma(rng, shape) / shape;
}

function arMultiplier(rng: Rng): (minute: number) => number {
  let last = -2;
  let state = 0;
  const innovation = AR_SIGMA * Math.sqrt(1 - AR_RHO * AR_RHO);
  return (minute) => {
    if (minute < last || last < -1) [state, last] = [AR_SIGMA * sampleNormal(rng), minute];
    for (; last < minute; last++) state = AR_RHO * state + innovation * sampleNormal(rng);
    return Math.exp(state - (AR_SIGMA * AR_SIGMA) / 2);
  };
}

function eventFactor(events: readonly TrafficEvent[], process: CountProcess, t: number): number {
  let factor = 1;
  for (const e of events) {
    if (e.kind === 'late' || e.platformId !== process.platformId) continue;
    if (e.kind === 'burst' && t >= e.from && t < e.to) factor *= e.factor;
    if (e.kind === 'shift' && (e.academyId === '*' || e.academyId === process.academyId) && t >= e.from) factor *= e.factor;
  }
  return factor;
}

/**
 * The background process under a mode (outage processes are left as they are). `usage` is the
 * académie's calendar factor per minute, needed to slide the daily shape.
 */
export function bendBackground(input: {
  process: CountProcess;
  mode: TrafficMode;
  window: SimWindow;
  seed: number;
  rate: number;
  usage: Float64Array;
  events: readonly TrafficEvent[];
}): CountProcess {
  const { process, mode, window, seed, rate, usage, events } = input;
  const rng = createRng(seed, 'mode', mode, process.platformId, process.academyId);
  const at = (m: number) => window.t0 + m * MINUTE_MS;
  const base = process.meanAt;
  if (mode === 'overdispersed') {
    return { ...process, meanAt: (m) => base(m) * gammaFactor(rng, extraDispersionAt(at(m))) };
  }
  if (mode === 'autocorrelated') {
    const ar = arMultiplier(rng);
    return { ...process, meanAt: (m) => base(m) * ar(m) };
  }
  if (mode === 'drifting-shape') {
    return {
      ...process,
      meanAt: (m) => {
        const drift = Math.round(((at(m) - DRIFT_ORIGIN) / DAY_MS) * DRIFT_MINUTES_PER_DAY);
        return rate * (usage[Math.max(0, m - Math.max(0, drift))] ?? 0);
      },
    };
  }
  if (mode === 'media-bursts' || mode === 'level-shifts') {
    return { ...process, meanAt: (m) => base(m) * eventFactor(events, process, at(m)) };
  }
  return process;
}

function schoolMinute(rng: Rng, window: SimWindow, fromHour: number, toHour: number): number {
  for (let i = 0; i < 200; i++) {
    const day = randomInt(rng, Math.max(1, Math.floor(window.minutes / 1440)));
    const t = window.t0 + day * DAY_MS + (fromHour * 60 + randomInt(rng, (toHour - fromHour) * 60) - PARIS_OFFSET_MINUTES) * MINUTE_MS;
    const weekday = new Date(t).getUTCDay();
    if (weekday >= 1 && weekday <= 5) return Math.floor(t / MINUTE_MS) * MINUTE_MS;
  }
  return window.t0;
}

const BURST_PLATFORMS = ['pronote', 'ecoledirecte', 'cned-ma-classe-a-la-maison', 'skolengo', 'monlycee-net', 'toutatice'];
// `at`: share of the window before the shift; '*' = every académie (a dense national total changes level).
const SHIFTS: Array<{ platformId: string; academyId: string; factor: number; at: number }> = [
  { platformId: 'pronote', academyId: 'lyon', factor: 4, at: 1 / 6 },
  { platformId: 'ecoledirecte', academyId: 'montpellier', factor: 4, at: 2 / 6 },
  { platformId: 'skolengo', academyId: 'orleans-tours', factor: 0.3, at: 3 / 6 },
  { platformId: 'ent-hauts-de-france', academyId: 'lille', factor: 3.5, at: 4 / 6 },
  { platformId: 'pronote', academyId: '*', factor: 2.5, at: 1 / 6 },
];

/**
 * Bursts (a national TV mention: ×2 for 20 min on one platform, no outage), level shifts (a new
 * provider or a platform adopted by a région, from some day on) and late batches (an académie's
 * reports held in offline outboxes for 10–40 min, then arriving in one minute).
 */
export function placeTrafficEvents(mode: TrafficMode, window: SimWindow, seed: number): TrafficEvent[] {
  const rng = createRng(seed, 'mode-events', mode);
  const days = window.minutes / 1440;
  if (mode === 'media-bursts') {
    return Array.from({ length: Math.round(days * 1.5) }, (_, i) => {
      const from = schoolMinute(rng, window, 8, 21);
      const platformId = BURST_PLATFORMS[i % BURST_PLATFORMS.length] ?? 'pronote';
      return { kind: 'burst', platformId, from, to: from + 20 * MINUTE_MS, factor: 2 };
    });
  }
  if (mode === 'level-shifts') {
    return SHIFTS.filter((s) => s.academyId === '*' || getSimPlatform(s.platformId).academies.includes(s.academyId)).map(({ at, ...s }) => ({
      kind: 'shift',
      ...s,
      from: window.t0 + Math.floor(at * window.minutes) * MINUTE_MS,
    }));
  }
  if (mode === 'late-batches') {
    const academies = ['paris', 'lille', 'lyon', 'versailles', 'creteil', 'toulouse', 'grenoble', 'nantes', 'bordeaux', 'rennes'];
    return Array.from({ length: Math.round(days * 2) }, (_, i) => {
      const from = schoolMinute(rng, window, 8, 17);
      return { kind: 'late', academyId: academies[i % academies.length] ?? 'paris', from, to: from + (10 + randomInt(rng, 31)) * MINUTE_MS };
    });
  }
  return [];
}

/**
 * Late stretches: an académie's reports held in offline outboxes arrive together in the minute after
 * the stretch; they stay at their observed minutes, which are only known (knownAt, epoch ms) then.
 */
export function applyLateBatches(
  series: Array<{ academyId: string; counts: Uint16Array; knownAt?: Float64Array }>,
  events: readonly TrafficEvent[],
  window: SimWindow,
): void {
  for (const e of events) {
    if (e.kind !== 'late') continue;
    const from = Math.max(0, Math.round((e.from - window.t0) / MINUTE_MS));
    const to = Math.min(window.minutes - 1, Math.round((e.to - window.t0) / MINUTE_MS));
    const arrival = window.t0 + (to + 1) * MINUTE_MS;
    for (const s of series) {
      if (s.academyId !== e.academyId) continue;
      const knownAt = (s.knownAt ??= new Float64Array(window.minutes));
      for (let m = from; m < to; m++) knownAt[m] = Math.max(knownAt[m] ?? 0, arrival);
    }
  }
}

/**
 * Calendar surprises over a window (weekdays from its start): an exceptional day off in one
 * académie, a national strike, two exam days in three académies, a national distance-learning day.
 */
export function calendarSurprises(window: SimWindow): BaselineWindow[] {
  const weekdays: number[] = [];
  for (let t = window.t0; t < window.t0 + window.minutes * MINUTE_MS; t += DAY_MS) {
    const day = new Date(t + 12 * 3_600_000).getUTCDay();
    if (day >= 1 && day <= 5 && day !== 3) weekdays.push(t);
  }
  const day = (i: number) => weekdays[Math.min(weekdays.length - 1, i)] ?? window.t0;
  const span = (t: number, days = 1) => ({ from: t, to: t + days * DAY_MS });
  return [
    { ...span(day(1)), factor: 0.15, academies: ['rennes'] },
    { ...span(day(3)), factor: 0.55 },
    { ...span(day(5), 2), factor: 1.8, academies: ['paris', 'creteil', 'versailles'] },
    { ...span(day(8)), factor: 1.7 },
  ];
}
