/** The data licence (see /sources): Licence Ouverte 2.0, the État's open licence, same as the boundaries and calendar we reuse. */
export const DATA_LICENCE = {
  name: 'Licence Ouverte / Open Licence 2.0 (Etalab)',
  url: 'https://www.etalab.gouv.fr/licence-ouverte-open-licence/',
} as const;

/** « Source : École en panne, signalements participatifs, extraits le 7 décembre 2026 à 01:20 (heure de Paris) ». */
export function citationLine(extractedAt: Date, origin: string | null): string {
  const when = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Paris' }).format(extractedAt);
  return `Source : École en panne${origin ? ` (${origin})` : ''}, signalements participatifs, extraits le ${when} (heure de Paris).`;
}

export type ExportMeta = { licence: string; licenceUrl: string; citation: string; query: string };

export function exportMeta(input: { extractedAt: Date; origin: string | null; query: string }): ExportMeta {
  return { licence: DATA_LICENCE.name, licenceUrl: DATA_LICENCE.url, citation: citationLine(input.extractedAt, input.origin), query: input.query };
}
