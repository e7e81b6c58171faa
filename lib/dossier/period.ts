import { wallClockToInstant } from '@/lib/calendar/time-zones';

/** Midnight in Paris at the start of `day` (YYYY-MM-DD), as a UTC instant. */
export function parisMidnight(day: string): Date {
  return new Date(wallClockToInstant(Date.parse(`${day}T00:00:00Z`), 'Europe/Paris'));
}

/** [from 00:00, day after `to` 00:00) in Paris time. */
export function periodBounds(from: string, to: string): { from: Date; to: Date } {
  const next = new Date(Date.parse(`${to}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
  return { from: parisMidnight(from), to: parisMidnight(next) };
}
