'use server';

import { revalidatePath } from 'next/cache';
import { actionResult, formFields, ok, type ActionResult } from '@/lib/auth/action-result';
import { actorOf, requirePermission } from '@/lib/auth/session';
import { updateSettings } from '@/lib/settings/admin';
import { SETTINGS_TTL_MS } from '@/lib/settings/runtime';
import { settingsFormSchema } from '@/lib/settings/schema';

export async function updateSettingsAction(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  return actionResult(async () => {
    const session = await requirePermission('settings.manage');
    const patch = settingsFormSchema.parse(formFields(formData));
    const { changed } = await updateSettings(actorOf(session), patch);
    revalidatePath('/admin/reglages');
    if (changed.length === 0) return ok('Aucune modification.');
    return ok(`Réglages enregistrés (${changed.length}). Ils s’appliquent d’ici ${SETTINGS_TTL_MS / 1000} secondes sur toutes les instances.`);
  });
}
