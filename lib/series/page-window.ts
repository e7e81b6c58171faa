import { parseWindowParams } from './schema';
import { DEFAULT_PRESET, presetWindow, WINDOW_PRESETS, type SeriesWindow, type WindowPreset } from './window';

export type ActiveWindow = { kind: 'preset'; preset: WindowPreset } | { kind: 'date'; date: string } | { kind: 'custom' };

type SearchParams = Record<string, string | string[] | undefined>;

function first(params: SearchParams, key: string): string | undefined {
  const value = params[key];
  return Array.isArray(value) ? value[0] : value;
}

function isPreset(value: string | undefined): value is WindowPreset {
  return (WINDOW_PRESETS as readonly string[]).includes(value ?? '');
}

/**
 * The window a page shows from its query (`?fenetre=3h|24h|7j`, `?date=2021-04-06`, or
 * `?de=…&a=…`), which control is active, and the preset to refresh live (a preset ends now).
 * Invalid parameters fall back to the last 24 hours.
 */
export function pageWindow(params: SearchParams, now: number): { window: SeriesWindow; active: ActiveWindow; livePreset: WindowPreset | null } {
  const query = { de: first(params, 'de'), a: first(params, 'a'), date: first(params, 'date'), fenetre: first(params, 'fenetre') };
  const window = parseWindowParams(query, now);
  if (window) {
    if (query.de !== undefined || query.a !== undefined) return { window, active: { kind: 'custom' }, livePreset: null };
    if (query.date !== undefined) return { window, active: { kind: 'date', date: query.date }, livePreset: null };
    const preset = isPreset(query.fenetre) ? query.fenetre : DEFAULT_PRESET;
    return { window, active: { kind: 'preset', preset }, livePreset: preset };
  }
  return { window: presetWindow(DEFAULT_PRESET, now), active: { kind: 'preset', preset: DEFAULT_PRESET }, livePreset: DEFAULT_PRESET };
}

/** A window ending more than a minute ago: the page then describes the past, never today's live state. */
export function isPastWindow(window: Pick<SeriesWindow, 'to'>, now: number): boolean {
  return window.to < now - 60_000;
}
