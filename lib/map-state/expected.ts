import { createFallbackBaseline, expectedAt, type BaselineModel } from '@/lib/detect/baseline';
import type { PlatformBaselines } from '@/lib/detect/platform-baseline';

const MINUTE_MS = 60_000;
/** The window is integrated in 5-minute steps: the baseline is linear within its 15-minute slots. */
const STEP_MINUTES = 5;

/**
 * Expected distinct reporters per académie over [at - windowMinutes, at), from the platform's
 * learned baselines. An académie without a model (no baseline stored yet, or served since the last
 * learning) gets the detector's no-history fallback: a flat, generous rate.
 */
export function expectedOverWindow(input: {
  baselines: PlatformBaselines | null;
  academies: readonly string[];
  at: Date;
  windowMinutes: number;
}): Map<string, number> {
  const from = input.at.getTime() - input.windowMinutes * MINUTE_MS;
  const steps = Math.max(1, Math.round(input.windowMinutes / STEP_MINUTES));
  const stepMs = (input.windowMinutes * MINUTE_MS) / steps;
  const expected = new Map<string, number>();
  for (const academyId of input.academies) {
    const model: BaselineModel = input.baselines?.academies[academyId] ?? createFallbackBaseline(academyId);
    let sum = 0;
    for (let i = 0; i < steps; i++) sum += expectedAt(model, from + i * stepMs, stepMs).mean;
    expected.set(academyId, sum);
  }
  return expected;
}
