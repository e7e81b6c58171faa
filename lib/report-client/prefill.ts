import { PROBLEM_CATEGORIES, REPORTER_ROLES, type ProblemCategory, type ReporterRole } from '@/lib/domain/types';
import { COMMENT_MAX_LENGTH } from '@/lib/ingest/thresholds';
import type { AcademyOption, PlatformOption } from './platform-choices';
import { servesAcademy } from './platform-choices';

export type SearchParamsRecord = Record<string, string | string[] | undefined>;

/** What the form shows: '' when nothing is chosen. */
export type ReportValues = {
  platform: string;
  academy: string;
  category: ProblemCategory | '';
  role: ReporterRole | '';
  comment: string;
};

/** Problem preselected by a deep link without `probleme=` (shown in the one-tap summary, editable). */
export const QUICK_REPORT_CATEGORY: ProblemCategory = 'unreachable';

export const EMPTY_VALUES: ReportValues = { platform: '', academy: '', category: '', role: '', comment: '' };

export function firstParam(params: SearchParamsRecord, name: string): string | undefined {
  const value = params[name];
  return Array.isArray(value) ? value[0] : value;
}

function pick<T extends string>(list: readonly T[], value: string | undefined): T | '' {
  return list.find((item) => item === value) ?? '';
}

/**
 * Form values from a deep link (`/signaler?plateforme=pronote&academie=versailles&probleme=login`) or
 * from a refused no-JS submission; unknown values are ignored, and a platform that does not serve
 * the académie is dropped.
 */
export function readPrefill(
  params: SearchParamsRecord,
  catalog: { academies: AcademyOption[]; platforms: PlatformOption[] },
): ReportValues {
  const academyParam = firstParam(params, 'academie')?.trim().toLowerCase();
  const platformParam = firstParam(params, 'plateforme')?.trim().toLowerCase();
  const academy = catalog.academies.find((a) => a.id === academyParam)?.id ?? '';
  const platform = catalog.platforms.find((p) => p.id === platformParam && (!academy || servesAcademy(p, academy)));
  return {
    platform: platform?.id ?? '',
    academy,
    category: pick(PROBLEM_CATEGORIES, firstParam(params, 'probleme')),
    role: pick(REPORTER_ROLES, firstParam(params, 'role')),
    comment: (firstParam(params, 'commentaire') ?? '').slice(0, COMMENT_MAX_LENGTH),
  };
}

/** A deep link naming both the platform and the académie: the report takes one tap. */
export function isQuickReport(values: ReportValues): boolean {
  return values.platform !== '' && values.academy !== '';
}

/** Values of a one-tap report: the deep link's problem, or QUICK_REPORT_CATEGORY. */
export function withQuickDefaults(values: ReportValues): ReportValues {
  if (!isQuickReport(values) || values.category !== '') return values;
  return { ...values, category: QUICK_REPORT_CATEGORY };
}

export type ThanksParams = { academy: AcademyOption | null; platform: PlatformOption | null; count: number | null };

/** What the no-JS confirmation page shows, from `/signaler/merci?n=…&plateforme=…&academie=…`. */
export function readThanks(
  params: SearchParamsRecord,
  catalog: { academies: AcademyOption[]; platforms: PlatformOption[] },
): ThanksParams {
  const count = Number(firstParam(params, 'n'));
  return {
    academy: catalog.academies.find((a) => a.id === firstParam(params, 'academie')) ?? null,
    platform: catalog.platforms.find((p) => p.id === firstParam(params, 'plateforme')) ?? null,
    count: Number.isSafeInteger(count) && count >= 0 ? count : null,
  };
}
