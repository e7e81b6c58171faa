import { toLocalParts } from '@/lib/calendar/time-zones';

const PARIS = 'Europe/Paris';
const MINUTE_MS = 60_000;
const LOCAL_PATTERN = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;

function parisOffsetMs(t: number): number {
  const minute = Math.floor(t / MINUTE_MS) * MINUTE_MS;
  const p = toLocalParts(minute, PARIS);
  return Date.UTC(p.year, p.month - 1, p.day) + p.minuteOfDay * MINUTE_MS - minute;
}

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
  const first = wall - parisOffsetMs(wall);
  return new Date(wall - parisOffsetMs(first));
}

/** 'YYYY-MM-DDTHH:mm' in Paris time (the URL form of a replay instant). */
export function formatParisLocal(at: Date): string {
  const p = toLocalParts(at, PARIS);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${p.year}-${pad(p.month)}-${pad(p.day)}T${pad(Math.floor(p.minuteOfDay / 60))}:${pad(p.minuteOfDay % 60)}`;
}
