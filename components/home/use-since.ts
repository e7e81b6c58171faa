import { useFormatter } from 'next-intl';
import { useCallback } from 'react';
import { formatParisLocal } from '@/lib/calendar/paris-time';

/** "09:02" for a start on the day shown, "5 avr., 18:40" for an earlier day (Paris time). */
export function useSinceFormat(shownAt: string): (iso: string) => string {
  const format = useFormatter();
  const day = formatParisLocal(new Date(shownAt)).slice(0, 10);
  return useCallback(
    (iso: string) => {
      const date = new Date(iso);
      const sameDay = formatParisLocal(date).slice(0, 10) === day;
      return format.dateTime(date, sameDay ? { hour: '2-digit', minute: '2-digit' } : { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' });
    },
    [format, day],
  );
}
