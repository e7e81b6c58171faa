import { localMinuteOfDay } from '@/lib/calendar/day-type';
import { formatSince } from './phrases';
import { createSourceId, pickCategory, pickComment, pickReporterRole } from './report-attrs';
import { createRng, type Rng } from './rng';
import type { Scenario, SimReport, SpamSpec, TrickleSpec } from './types';
import { MINUTE_MS, type SimWindow } from './usage-factors';

const SPAM_PHRASES = ['TOUT EST EN PANNE !!!', 'ça marche jamais', 'Nul nul nul'];

function buildSpam(spec: SpamSpec, rng: Rng): SimReport[] {
  const source = createSourceId(rng, 'spam');
  const category = pickCategory(rng, 'outage');
  const role = pickReporterRole(rng);
  const comment = SPAM_PHRASES[Math.floor(rng() * SPAM_PHRASES.length)];
  const spanMs = Math.max(1, spec.durationMinutes) * MINUTE_MS;
  const reports: SimReport[] = [];
  for (let i = 0; i < spec.count; i++) {
    const t = spec.at + Math.floor(((i + rng()) * spanMs) / spec.count);
    const { platformId, academyId } = spec;
    reports.push({ t, platformId, academyId, source, category, role, comment, origin: 'spam' });
  }
  return reports;
}

function buildTrickle(spec: TrickleSpec, rng: Rng): SimReport[] {
  const spanMs = Math.max(1, spec.spreadMinutes) * MINUTE_MS;
  const reports: SimReport[] = [];
  const since = formatSince(localMinuteOfDay(spec.at, spec.academyId));
  for (let i = 0; i < spec.count; i++) {
    const category = pickCategory(rng, 'outage');
    const report: SimReport = {
      t: spec.at + Math.floor(rng() * spanMs),
      platformId: spec.platformId,
      academyId: spec.academyId,
      source: createSourceId(rng),
      category,
      role: pickReporterRole(rng),
      origin: 'trickle',
    };
    const comment = pickComment({ rng, category, isOutage: true, since });
    if (comment !== undefined) report.comment = comment;
    reports.push(report);
  }
  return reports;
}

/** Spam and trickle reports of the scenarios inside the window, sorted by time. */
export function buildInjectedReports({
  scenarios,
  window,
  seed,
  platformIds,
}: {
  scenarios: readonly Scenario[];
  window: SimWindow;
  seed: number;
  platformIds: Set<string>;
}): SimReport[] {
  const reports: SimReport[] = [];
  scenarios.forEach((scenario, s) => {
    (scenario.spam ?? []).forEach((spec, i) => {
      const rng = createRng(seed, 'spam', scenario.name, String(s), String(i));
      reports.push(...buildSpam(spec, rng));
    });
    (scenario.trickles ?? []).forEach((spec, i) => {
      const rng = createRng(seed, 'trickle', scenario.name, String(s), String(i));
      reports.push(...buildTrickle(spec, rng));
    });
  });
  const end = window.t0 + window.minutes * MINUTE_MS;
  return reports
    .filter((r) => platformIds.has(r.platformId) && r.t >= window.t0 && r.t < end)
    .sort((a, b) => a.t - b.t);
}
