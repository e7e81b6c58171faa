/** Académies whose official name takes the article: « académie de la Martinique ». */
const WITH_ARTICLE = new Set(['martinique', 'guadeloupe', 'guyane']);
const VOWEL_START = /^[aeiouyàâäéèêëîïôöùûüœæ]/i;

/** French "de …" complement of an académie: « de Paris », « d’Amiens », « de la Guyane », « de La Réunion ». */
export function frenchOfAcademy(id: string, name: string): string {
  if (WITH_ARTICLE.has(id)) return `de la ${name}`;
  if (VOWEL_START.test(name)) return `d’${name}`;
  return `de ${name}`;
}
