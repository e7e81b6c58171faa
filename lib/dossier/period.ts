import { parisMidnight } from '@/lib/calendar/paris-time';
import { addDays } from '@/lib/calendar/time-zones';

/** [from 00:00, day after `to` 00:00) in Paris time. */
export function periodBounds(from: string, to: string): { from: Date; to: Date } {
  return { from: new Date(parisMidnight(from)), to: new Date(parisMidnight(addDays(to, 1))) };
}
