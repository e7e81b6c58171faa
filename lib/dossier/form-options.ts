import 'server-only';
import { getDb } from '@/lib/db/client';
import { readNames } from '@/lib/db/dashboard';

export type DossierFormOptions = { platforms: Array<{ id: string; name: string }>; academies: Array<{ id: string; name: string }> };

/** Services and académies offered by the dossier form, sorted by name. */
export async function loadDossierFormOptions(): Promise<DossierFormOptions> {
  const names = await readNames(getDb());
  const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name, 'fr');
  return {
    platforms: Object.entries(names.platforms).map(([id, name]) => ({ id, name })).sort(byName),
    academies: Object.entries(names.academies).map(([id, a]) => ({ id, name: a.name })).sort(byName),
  };
}
