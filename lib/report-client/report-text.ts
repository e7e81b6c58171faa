import type { AcademyOption } from './platform-choices';

/** Window of `localCount` in the API answer (minutes). */
export const LOCAL_COUNT_WINDOW_MINUTES = 30;

// Official names: « académie de la Guadeloupe », but « académie de Mayotte », « de La Réunion ».
const ARTICLE_BY_ACADEMY: Readonly<Record<string, string>> = {
  guadeloupe: 'de la ',
  martinique: 'de la ',
  guyane: 'de la ',
};

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

/**
 * Values for the `report` messages that name an académie: French uses `academy` (« l’académie de
 * Versailles ») or `complement` (« de Versailles »), which need elision rules; English uses `name`.
 */
export type AcademyArgs = { academy: string; complement: string; name: string };

export function academyArgs(academy: AcademyOption): AcademyArgs {
  return { academy: academyLabel(academy), complement: academyComplement(academy), name: academy.name };
}
