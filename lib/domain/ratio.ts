/** Ratios above this read « plus de 100 fois la normale »: beyond it the figure says more about the baseline. */
export const RATIO_CAP = 100;
/** Below one expected reporter, the ratio is taken against one (« au moins N fois »). */
const EXPECTED_FLOOR = 1;

export type RatioWording =
  | { kind: 'none' }
  | { kind: 'times'; ratio: number }
  | { kind: 'atLeast'; ratio: number }
  | { kind: 'over'; cap: number };

/** How far observed reporters are from the expected level, in words a reader can quote (never « × 1 660 »). */
export function wordRatio(reporters: number, expected: number | null): RatioWording {
  if (expected === null || (expected < EXPECTED_FLOOR && reporters <= EXPECTED_FLOOR)) return { kind: 'none' };
  const floored = expected < EXPECTED_FLOOR;
  const raw = reporters / Math.max(expected, EXPECTED_FLOOR);
  if (raw > RATIO_CAP) return { kind: 'over', cap: RATIO_CAP };
  const ratio = raw < 10 ? Math.round(raw * 10) / 10 : Math.round(raw);
  return floored ? { kind: 'atLeast', ratio } : { kind: 'times', ratio };
}

/** ICU arguments of a worded ratio (`kind` selects the sentence), the figure formatted by the caller. */
export function ratioArgs(wording: Exclude<RatioWording, { kind: 'none' }>, format: (n: number) => string): { kind: string; ratio: string; cap: string } {
  return wording.kind === 'over'
    ? { kind: 'over', ratio: '', cap: format(wording.cap) }
    : { kind: wording.kind, ratio: format(wording.ratio), cap: '' };
}
