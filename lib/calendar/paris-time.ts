/** Paris wall-clock time: the one parser and formatters of the 'YYYY-MM-DDTHH:mm' form and of Paris days. */
import { formatLocalDate, toLocalParts, wallClockToInstant, zonedMidnight } from './time-zones';

const PARIS = 'Europe/Paris';
const LOCAL_PATTERN = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;

/**
 * Instant of a Paris wall-clock time 'YYYY-MM-DDTHH:mm[:ss]', or null when it is not a real date.
 * A time skipped by the spring change (02:30) maps to the hour after; a repeated one to its second pass.
 */
export function parseParisLocal(text: string): Date | null {
  const m = LOCAL_PATTERN.exec(text);
  if (!m) return null;
  const [year, month, day, hour, minute, second] = m.slice(1).map((v) => Number(v ?? 0)) as [number, number, number, number, number, number];
  const wall = Date.UTC(year, month - 1, day, hour, minute, second);
  const check = new Date(wall);
  if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day || hour > 23 || minute > 59 || second > 59) return null;
  return new Date(wallClockToInstant(wall, PARIS));
}

const pad = (n: number) => String(n).padStart(2, '0');

/** 'YYYY-MM-DDTHH:mm' in Paris time (the URL form of a replay instant and of a map link). */
export function formatParisLocal(at: Date | number): string {
  const p = toLocalParts(at, PARIS);
  return `${formatLocalDate(p)}T${pad(Math.floor(p.minuteOfDay / 60))}:${pad(p.minuteOfDay % 60)}`;
}

/** The calendar day 'YYYY-MM-DD' in Paris at an instant (French civil time: ledger days, the day picker, export slices). */
export function parisDate(at: Date | number): string {
  return formatLocalDate(toLocalParts(at, PARIS));
}

/** Midnight in Paris starting `day` ('YYYY-MM-DD'), as epoch ms. */
export function parisMidnight(day: string): number {
  return zonedMidnight(day, PARIS);
}
