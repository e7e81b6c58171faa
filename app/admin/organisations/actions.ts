'use server';

import { revalidatePath } from 'next/cache';
import { actionResult, formFields, ok, type ActionResult } from '@/lib/auth/action-result';
import { actorOf, requirePermission } from '@/lib/auth/session';
import { changeMembership, createOrganisation } from '@/lib/organisations/admin';
import { membershipFormSchema, organisationCreateSchema } from '@/lib/organisations/schema';

export async function createOrganisationAction(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  return actionResult(async () => {
    const session = await requirePermission('organisations.manage');
    const { name } = organisationCreateSchema.parse(formFields(formData));
    await createOrganisation(actorOf(session), name);
    revalidatePath('/admin/organisations');
    return ok('Organisation créée.');
  });
}

export async function setMemberAction(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  return actionResult(async () => {
    const session = await requirePermission('organisations.manage');
    const input = membershipFormSchema.parse(formFields(formData));
    await changeMembership(actorOf(session), { organisationId: input.organisationId, userId: input.userId, remove: input.remove === '1' });
    revalidatePath('/admin/organisations');
    return ok(input.remove === '1' ? 'Compte détaché.' : 'Compte rattaché.');
  });
}
