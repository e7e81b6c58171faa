const timeFormat = new Intl.DateTimeFormat('fr-FR', { hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Paris' });
const dateTimeFormat = new Intl.DateTimeFormat('fr-FR', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  timeZone: 'Europe/Paris',
});
const numberFormat = new Intl.NumberFormat('fr-FR');

/** "09:02", Paris time. */
export function formatTime(date: Date): string {
  return timeFormat.format(date);
}

/** "6 avril 2021 à 09:02", Paris time. */
export function formatDateTime(date: Date): string {
  return dateTimeFormat.format(date);
}

export function formatCount(n: number): string {
  return numberFormat.format(n);
}
