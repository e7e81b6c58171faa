import 'server-only';
import type { AuditActor } from '@/lib/domain/audit';
import { appendAudit } from '@/lib/db/audit';
import { getDb } from '@/lib/db/client';
import { createOrganisationRow, listOrganisations, organisationExists, removeMembership, setMembership, userExists, type OrganisationSummary } from '@/lib/db/organisations';
import { AppError } from '@/lib/http/errors';

export function listOrganisationsForAdmin(): Promise<OrganisationSummary[]> {
  return listOrganisations(getDb());
}

export async function createOrganisation(actor: AuditActor, name: string, now = new Date()): Promise<{ id: string; name: string }> {
  return getDb().$transaction(async (tx) => {
    const org = await createOrganisationRow(tx, name);
    if (!org) throw new AppError('conflict', 'Une organisation porte déjà ce nom.');
    await appendAudit(tx, { actor, action: 'organisation.created', targetType: 'organisation', targetId: org.id, after: { name } }, now);
    return org;
  });
}

/** Attaches (or moves) an account to the organisation; `remove` detaches it. */
export async function changeMembership(actor: AuditActor, input: { organisationId: string; userId: string; remove: boolean }, now = new Date()): Promise<void> {
  await getDb().$transaction(async (tx) => {
    if (!(await organisationExists(tx, input.organisationId))) throw new AppError('not_found', 'Organisation introuvable.');
    if (!(await userExists(tx, input.userId))) throw new AppError('not_found', 'Compte introuvable.');
    if (input.remove) await removeMembership(tx, input.userId);
    else await setMembership(tx, { userId: input.userId, organisationId: input.organisationId });
    const action = input.remove ? 'organisation.member_removed' : 'organisation.member_set';
    await appendAudit(tx, { actor, action, targetType: 'organisation', targetId: input.organisationId, after: { userId: input.userId } }, now);
  });
}
