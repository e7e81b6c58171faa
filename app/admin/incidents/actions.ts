'use server';

import { revalidatePath } from 'next/cache';
import { actionResult, formFields, ok, type ActionResult } from '@/lib/auth/action-result';
import { actorOf, requirePermission } from '@/lib/auth/session';
import { moderateIncident } from '@/lib/moderation/incidents';
import { incidentModerationSchema } from '@/lib/moderation/schema';

const DONE = { annotate: 'Note ajoutée.', dismiss: 'Incident écarté (il reste dans l’historique).', merge: 'Incidents fusionnés.', split: 'Incident scindé.' };

export async function moderateIncidentAction(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  return actionResult(async () => {
    const session = await requirePermission('incidents.manage');
    const input = incidentModerationSchema.parse(formFields(formData));
    await moderateIncident(actorOf(session), input);
    revalidatePath('/admin/incidents');
    return ok(DONE[input.op]);
  });
}
