import type { AcademyOption } from './platform-choices';

/** Window of `localCount` in the API answer (minutes). */
export const LOCAL_COUNT_WINDOW_MINUTES = 30;

const NBSP = '\u00a0';

// Official names: « académie de la Guadeloupe », but « académie de Mayotte », « de La Réunion ».
const ARTICLE_BY_ACADEMY: Readonly<Record<string, string>> = {
  guadeloupe: 'de la ',
  martinique: 'de la ',
  guyane: 'de la ',
};

const numberFormat = new Intl.NumberFormat('fr-FR');

export function formatCount(count: number): string {
  return numberFormat.format(count);
}

/** "de Versailles", "d’Aix-Marseille", "de la Guadeloupe". */
export function academyComplement(academy: AcademyOption): string {
  const article = ARTICLE_BY_ACADEMY[academy.id];
  if (article) return `${article}${academy.name}`;
  return /^[aeiouyàâäéèêëîïôöùûüœ]/i.test(academy.name) ? `d’${academy.name}` : `de ${academy.name}`;
}

/** "l’académie de Versailles". */
export function academyLabel(academy: AcademyOption): string {
  return `l’académie ${academyComplement(academy)}`;
}

export function quickReportTitle(input: { platformName: string; academy: AcademyOption }): string {
  return `Signaler une panne de ${input.platformName} dans ${academyLabel(input.academy)}`;
}

/** « Vous êtes 12 à signaler PRONOTE dans l’académie de Versailles depuis 30 minutes. » */
export function confirmationSentence(input: {
  count: number;
  platformName: string;
  academy: AcademyOption;
}): string {
  const where = `${input.platformName} dans ${academyLabel(input.academy)}`;
  const since = `depuis ${LOCAL_COUNT_WINDOW_MINUTES}${NBSP}minutes`;
  if (input.count <= 1) return `Vous êtes la première personne à signaler ${where} ${since}.`;
  return `Vous êtes ${formatCount(input.count)}${NBSP}à signaler ${where} ${since}.`;
}
