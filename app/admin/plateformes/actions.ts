'use server';

import { revalidatePath } from 'next/cache';
import { createPlatform, retirePlatform, updatePlatform } from '@/lib/catalog/admin';
import { platformCreateSchema, platformRetireSchema, platformUpdateSchema } from '@/lib/catalog/schema';
import { actionResult, formFields, ok, type ActionResult } from '@/lib/auth/action-result';
import { actorOf, requirePermission } from '@/lib/auth/session';

export async function createPlatformAction(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  return actionResult(async () => {
    const session = await requirePermission('catalog.manage');
    const input = platformCreateSchema.parse(formFields(formData));
    await createPlatform(actorOf(session), input);
    revalidatePath('/admin/plateformes');
    return ok(`Plateforme « ${input.name} » ajoutée (elle apparaît dans le formulaire de signalement d’ici une minute).`);
  });
}

export async function updatePlatformAction(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  return actionResult(async () => {
    const session = await requirePermission('catalog.manage');
    const input = platformUpdateSchema.parse(formFields(formData));
    await updatePlatform(actorOf(session), input);
    revalidatePath('/admin/plateformes');
    return ok('Modifications enregistrées.');
  });
}

export async function retirePlatformAction(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  return actionResult(async () => {
    const session = await requirePermission('catalog.manage');
    const input = platformRetireSchema.parse(formFields(formData));
    await retirePlatform(actorOf(session), input);
    revalidatePath('/admin/plateformes');
    return ok(input.op === 'retire' ? 'Plateforme retirée : son historique est conservé.' : 'Plateforme remise en service.');
  });
}
