import type { FormErrors } from '@/lib/report-client/form-errors';
import type { PlatformOption } from '@/lib/report-client/platform-choices';
import { ACADEMY_SELECT_ID } from './academy-picker';
import { FIRST_CATEGORY_ID } from './category-picker';
import type { SummaryEntry } from './error-summary';
import { platformTargetId } from './platform-picker';

const FIELD_ORDER = ['formulaire', 'academie', 'plateforme', 'probleme', 'role', 'commentaire'];

function orderOf(name: string): number {
  const index = FIELD_ORDER.indexOf(name);
  return index === -1 ? FIELD_ORDER.length : index;
}

/** Error summary lines in page order, each linked to the input to fix. */
export function summaryEntries(errors: FormErrors, platforms: PlatformOption[]): SummaryEntry[] {
  const targets: Record<string, string> = {
    academie: ACADEMY_SELECT_ID,
    plateforme: platformTargetId(platforms),
    probleme: FIRST_CATEGORY_ID,
    role: 'champ-role',
    commentaire: 'champ-commentaire',
  };
  return Object.entries(errors)
    .sort(([a], [b]) => orderOf(a) - orderOf(b))
    .map(([name, code]) => ({ targetId: targets[name] ?? null, code }));
}
