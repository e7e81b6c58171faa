const PARIS = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Paris' });
const DAY = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long', timeZone: 'Europe/Paris' });
const TIME = new Intl.DateTimeFormat('fr-FR', { timeStyle: 'short', timeZone: 'Europe/Paris' });

/** « 6 avril 2021 à 09:02 », Paris time (sharing images are in French). */
export function formatParis(t: number): string {
  return PARIS.format(t);
}

/** « 6 avril 2021 à 09:02 – 19:30 » (the end's date only when it is another day), Paris time. */
export function formatParisRange(from: number, to: number): string {
  return `${PARIS.format(from)} – ${DAY.format(from) === DAY.format(to) ? TIME.format(to) : PARIS.format(to)}`;
}
