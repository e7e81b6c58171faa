import { describe, expect, it } from 'vitest';
import { historyRange } from '@/lib/detect/history-range';

const DAY = 86_400_000;
const now = Date.UTC(2021, 3, 6, 9, 30);
const midnight = Date.UTC(2021, 3, 6);

describe('historyRange', () => {
  it('learns from the last 56 whole days on an install older than that', () => {
    expect(historyRange(now, midnight - 200 * DAY)).toEqual({ from: midnight - 56 * DAY, to: midnight });
  });

  it('never counts days before the first report as quiet days', () => {
    expect(historyRange(now, midnight - 14 * DAY + 5 * 3_600_000)).toEqual({ from: midnight - 14 * DAY, to: midnight });
  });

  it('falls back (null) with less than a week observed, or nothing at all', () => {
    expect(historyRange(now, midnight - 3 * DAY)).toBeNull();
    expect(historyRange(now, null)).toBeNull();
  });
});
