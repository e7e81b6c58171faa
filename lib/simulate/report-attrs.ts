import type { ProblemCategory, ReporterRole } from '@/lib/domain/types';
import { createWeightedPicker, type Rng } from './rng';
import { PHRASES } from './phrases';
import type { OutageKind } from './types';

const pickBackgroundCategory = createWeightedPicker<ProblemCategory>([
  ['login', 0.3],
  ['slow', 0.18],
  ['other', 0.16],
  ['unreachable', 0.07],
  ['error_page', 0.07],
  ['feature_homework', 0.06],
  ['feature_marks', 0.06],
  ['feature_messages', 0.04],
  ['feature_documents', 0.04],
  ['feature_visio', 0.02],
]);
const pickBreakdownCategory = createWeightedPicker<ProblemCategory>([
  ['unreachable', 0.38],
  ['login', 0.3],
  ['error_page', 0.2],
  ['slow', 0.08],
  ['other', 0.04],
]);
const pickSlowCategory = createWeightedPicker<ProblemCategory>([
  ['slow', 0.6],
  ['login', 0.12],
  ['error_page', 0.1],
  ['unreachable', 0.08],
  ['feature_homework', 0.05],
  ['other', 0.05],
]);
const pickRole = createWeightedPicker<ReporterRole>([
  ['parent', 0.45],
  ['pupil', 0.35],
  ['teacher', 0.13],
  ['other', 0.07],
]);

const BACKGROUND_COMMENT_RATE = 0.03;
const OUTAGE_COMMENT_RATE = 0.2;
const SOURCE_ID_LENGTH = 12;

/** Problem category of one report: background mix, or typical of the outage kind. */
export function pickCategory(rng: Rng, kind: OutageKind | null): ProblemCategory {
  if (kind === null) return pickBackgroundCategory(rng);
  return kind === 'slow_burn' ? pickSlowCategory(rng) : pickBreakdownCategory(rng);
}

export function pickReporterRole(rng: Rng): ReporterRole {
  return pickRole(rng);
}

/**
 * Short French comment matching the category for some reports (undefined for most); `since` fills
 * phrases like "depuis 8h30", which are skipped without it.
 */
export function pickComment({
  rng,
  category,
  isOutage,
  since,
}: {
  rng: Rng;
  category: ProblemCategory;
  isOutage: boolean;
  since?: string;
}): string | undefined {
  if (rng() >= (isOutage ? OUTAGE_COMMENT_RATE : BACKGROUND_COMMENT_RATE)) return undefined;
  const bank = PHRASES[category].filter((p) => since !== undefined || !p.includes('{since}'));
  const phrase = bank[Math.floor(rng() * bank.length)];
  return since === undefined ? phrase : phrase?.replace('{since}', since);
}

/** Random reporter identity ('p-' + 12 base-36 chars, about 62 bits). */
export function createSourceId(rng: Rng, prefix = 'p'): string {
  let id = '';
  while (id.length < SOURCE_ID_LENGTH) id += Math.floor(rng() * 36).toString(36);
  return `${prefix}-${id}`;
}
