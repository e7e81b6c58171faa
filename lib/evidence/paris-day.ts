const LONG_FR = new Intl.DateTimeFormat('fr-FR', { timeZone: 'UTC', day: 'numeric', month: 'long', year: 'numeric' });

/** « 6 avril 2021 » for a YYYY-MM-DD day. */
export function formatDayFr(day: string): string {
  return LONG_FR.format(new Date(`${day}T00:00:00Z`));
}
