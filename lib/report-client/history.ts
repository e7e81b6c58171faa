import type { StorageLike } from './outbox-store';
import { ID_SLUG as SLUG } from '@/lib/domain/slug';

/** What this device remembers of its own reports (localStorage only: never sent, no cookie). */
export type HistoryEntry = { platform: string; academy: string; at: number };

export const HISTORY_STORAGE_KEY = 'reportHistory';
export const HISTORY_MAX = 30;
/** The counting window of the server's policy: a second report of the same service within it is not counted. */
export const COUNTED_WINDOW_MS = 10 * 60_000;

export function parseHistory(raw: string | null): HistoryEntry[] {
  if (!raw) return [];
  try {
    const value: unknown = JSON.parse(raw);
    if (!Array.isArray(value)) return [];
    return value
      .filter((e): e is HistoryEntry => typeof e === 'object' && e !== null && SLUG.test(String(e.platform)) && SLUG.test(String(e.academy)) && Number.isFinite(e.at))
      .slice(0, HISTORY_MAX);
  } catch {
    return [];
  }
}

export function loadHistory(storage: StorageLike | null): HistoryEntry[] {
  try {
    return parseHistory(storage?.getItem(HISTORY_STORAGE_KEY) ?? null);
  } catch {
    return [];
  }
}

/** Adds a report (newest first, at most HISTORY_MAX) and stores the list; returns it. */
export function rememberReport(storage: StorageLike | null, history: HistoryEntry[], entry: HistoryEntry): HistoryEntry[] {
  const next = [entry, ...history].slice(0, HISTORY_MAX);
  try {
    storage?.setItem(HISTORY_STORAGE_KEY, JSON.stringify(next));
  } catch {
    // Storage blocked or full: the list lives for this page only.
  }
  return next;
}

/** The académie this device reported from last, to offer it first. */
export function lastAcademy(history: readonly HistoryEntry[]): string | null {
  return history[0]?.academy ?? null;
}

/** Services this device reported in an académie, most often first (then most recent). */
export function usualPlatforms(history: readonly HistoryEntry[], academy: string): string[] {
  const stats = new Map<string, { n: number; last: number }>();
  for (const e of history) {
    if (e.academy !== academy) continue;
    const s = stats.get(e.platform) ?? { n: 0, last: 0 };
    stats.set(e.platform, { n: s.n + 1, last: Math.max(s.last, e.at) });
  }
  return [...stats.entries()].sort((a, b) => b[1].n - a[1].n || b[1].last - a[1].last).map(([id]) => id);
}

/**
 * This device's previous report of the same service within the counting window, if any: why a
 * report was accepted without being counted (« déjà compté il y a 4 minutes »).
 */
export function previousReport(history: readonly HistoryEntry[], input: { platform: string; before: number }): HistoryEntry | null {
  return history.find((e) => e.platform === input.platform && e.at < input.before && input.before - e.at <= COUNTED_WINDOW_MS) ?? null;
}
