/** Offset of Paris from UTC at `utc` (ms): +1 h in winter, +2 h in summer. */
function parisOffsetMs(utc: number): number {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone: 'Europe/Paris', hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric' }).formatToParts(new Date(utc));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute')) - Math.floor(utc / 60_000) * 60_000;
}

/** Midnight in Paris at the start of `day` (YYYY-MM-DD), as a UTC instant. */
export function parisMidnight(day: string): Date {
  const guess = Date.parse(`${day}T00:00:00Z`);
  return new Date(guess - parisOffsetMs(guess - parisOffsetMs(guess)));
}

/** [from 00:00, day after `to` 00:00) in Paris time. */
export function periodBounds(from: string, to: string): { from: Date; to: Date } {
  const next = new Date(Date.parse(`${to}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
  return { from: parisMidnight(from), to: parisMidnight(next) };
}
