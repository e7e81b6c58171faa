import { REPORTER_WINDOW_MS, SOURCE_FREE_REPORTERS, SOURCE_MAX_REPORTERS } from './thresholds';

export type ReporterBudget = { free: number; max: number; windowMs: number };

export const DEFAULT_REPORTER_BUDGET: ReporterBudget = {
  free: SOURCE_FREE_REPORTERS,
  max: SOURCE_MAX_REPORTERS,
  windowMs: REPORTER_WINDOW_MS,
};

/** A distinct reporter already counted for one source and platform: its device key, and when (epoch ms). */
export type CountedReporter = { device: string; at: number };

/** Key of one source on one platform in the reporter maps. */
export function sourcePlatformKey(fingerprint: string, platform: string): string {
  return `${fingerprint}|${platform}`;
}

/** The device part of a reporter: its token hash, or '' for a report without a token (no-JS form). */
export function deviceKey(deviceHash: string | null): string {
  return deviceHash ?? '';
}

/**
 * Whether a counted report at `at` (epoch ms) adds a distinct reporter, given the reporters already
 * counted for its source and platform. Within the window one device counts once; a source adds up
 * to `free` devices freely, and beyond that only with a solved proof of work and a device token,
 * up to `max`. Reports without a token are all one device of their source.
 */
export function isNewReporter(input: {
  counted: readonly CountedReporter[] | undefined;
  deviceHash: string | null;
  powVerified: boolean;
  at: number;
  budget?: ReporterBudget;
}): boolean {
  const budget = input.budget ?? DEFAULT_REPORTER_BUDGET;
  const known = new Set((input.counted ?? []).filter((r) => r.at > input.at - budget.windowMs).map((r) => r.device));
  if (known.has(deviceKey(input.deviceHash))) return false;
  if (known.size < budget.free) return true;
  return input.powVerified && input.deviceHash !== null && known.size < budget.max;
}
