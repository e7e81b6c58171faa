import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { formatParisLocal, parisDate, parisMidnight, parseParisLocal } from '@/lib/calendar/paris-time';
import { addDays } from '@/lib/calendar/time-zones';

// What the ledger days and the share links used before they went through lib/calendar: ICU's own Paris calendar.
const ICU_MINUTE = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Paris',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});
function icuParisMinute(t: number): string {
  const parts = ICU_MINUTE.formatToParts(new Date(t));
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}T${get('hour')}:${get('minute')}`;
}

// Instants from 2000 to 2040, with extra weight on the minutes around clock changes and midnights.
const CHANGES = [Date.UTC(2021, 2, 28, 1), Date.UTC(2021, 9, 31, 1), Date.UTC(2035, 2, 25, 1), Date.UTC(2000, 9, 29, 1)];
const instant = fc.oneof(
  fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2040, 0, 1) }),
  fc.tuple(fc.constantFrom(...CHANGES), fc.integer({ min: -3 * 3_600_000, max: 3 * 3_600_000 })).map(([t, d]) => t + d),
  fc.tuple(fc.integer({ min: 0, max: 14_600 }), fc.integer({ min: -90, max: 90 })).map(([day, m]) => Date.UTC(2000, 0, 1 + day, 22) + m * 60_000),
);

describe('Paris time (the one implementation)', () => {
  test('parisDate and formatParisLocal agree with ICU’s Paris calendar, to the minute', () => {
    fc.assert(
      fc.property(instant, (t) => {
        const icu = icuParisMinute(t);
        expect(formatParisLocal(t)).toBe(icu);
        expect(parisDate(new Date(t))).toBe(icu.slice(0, 10));
      }),
      { numRuns: 3000 },
    );
  });

  test('parseParisLocal reads back what formatParisLocal writes (a repeated autumn time as its second pass)', () => {
    fc.assert(
      fc.property(instant, (t) => {
        const minute = Math.floor(t / 60_000) * 60_000;
        const text = formatParisLocal(minute);
        const back = parseParisLocal(text)!.getTime();
        // A repeated autumn time is read as its second pass: an hour later than the first.
        expect([minute, minute + 3_600_000]).toContain(back);
        expect(formatParisLocal(back)).toBe(text);
      }),
      { numRuns: 2000 },
    );
  });

  test('a Paris day runs from its midnight to the next one: 24 hours, 23 on the spring change, 25 in autumn', () => {
    expect(parisMidnight('2021-04-06')).toBe(Date.UTC(2021, 3, 5, 22));
    expect(parisMidnight(addDays('2021-04-06', 1)) - parisMidnight('2021-04-06')).toBe(24 * 3_600_000);
    expect(parisMidnight('2021-03-29') - parisMidnight('2021-03-28')).toBe(23 * 3_600_000);
    expect(parisMidnight('2021-11-01') - parisMidnight('2021-10-31')).toBe(25 * 3_600_000);
    expect(addDays('2021-02-28', 1)).toBe('2021-03-01');
    expect(addDays('2020-03-01', -1)).toBe('2020-02-29');
  });
});
