const DAY_FORMAT = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris', year: 'numeric', month: '2-digit', day: '2-digit' });
const LONG_FR = new Intl.DateTimeFormat('fr-FR', { timeZone: 'UTC', day: 'numeric', month: 'long', year: 'numeric' });

/** The calendar day (YYYY-MM-DD) in Paris at `date`: ledger days follow French civil time. */
export function parisDay(date: Date): string {
  return DAY_FORMAT.format(date);
}

/** « 6 avril 2021 » for a YYYY-MM-DD day. */
export function formatDayFr(day: string): string {
  return LONG_FR.format(new Date(`${day}T00:00:00Z`));
}
