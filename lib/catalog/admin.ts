import 'server-only';
import type { AuditActor } from '@/lib/domain/audit';
import { appendAudit } from '@/lib/db/audit';
import { getDb } from '@/lib/db/client';
import {
  createPlatformRow,
  getAdminPlatform,
  listAdminPlatforms,
  setPlatformRetired,
  unknownAcademies,
  updatePlatformRow,
  type AdminPlatform,
} from '@/lib/db/platforms-admin';
import { AppError } from '@/lib/http/errors';
import type { PlatformCreateInput, PlatformRetireInput, PlatformUpdateInput } from './schema';

export function listPlatformsForAdmin(): Promise<AdminPlatform[]> {
  return listAdminPlatforms(getDb());
}

export function getPlatformForAdmin(id: string): Promise<AdminPlatform | null> {
  return getAdminPlatform(getDb(), id);
}

async function checkAcademies(ids: string[]): Promise<void> {
  const unknown = await unknownAcademies(getDb(), ids);
  if (unknown.length > 0) {
    throw new AppError('invalid_input', `Académie inconnue : ${unknown.join(', ')}.`, {
      issues: [{ field: 'academies', code: 'academy_unknown', message: 'Académie inconnue.' }],
    });
  }
}

function snapshot(p: AdminPlatform) {
  const { reports: _reports, retiredAt, ...fields } = p;
  return { ...fields, retiredAt: retiredAt?.toISOString() ?? null };
}

export async function createPlatform(actor: AuditActor, input: PlatformCreateInput, now = new Date()): Promise<void> {
  await checkAcademies(input.academies);
  if (await getAdminPlatform(getDb(), input.id)) throw new AppError('conflict', 'Une plateforme porte déjà cet identifiant.');
  await getDb().$transaction(async (tx) => {
    await createPlatformRow(tx, input);
    await appendAudit(tx, { actor, action: 'platform.created', targetType: 'platform', targetId: input.id, after: input }, now);
  });
}

export async function updatePlatform(actor: AuditActor, input: PlatformUpdateInput, now = new Date()): Promise<void> {
  await checkAcademies(input.academies);
  await getDb().$transaction(async (tx) => {
    const before = await getAdminPlatform(tx, input.id);
    if (!before) throw new AppError('not_found', 'Plateforme introuvable.');
    await updatePlatformRow(tx, input);
    await appendAudit(tx, { actor, action: 'platform.updated', targetType: 'platform', targetId: input.id, before: snapshot(before), after: input }, now);
  });
}

/** Retiring hides a platform from the report form; its reports, counters and incidents stay. */
export async function retirePlatform(actor: AuditActor, input: PlatformRetireInput, now = new Date()): Promise<void> {
  await getDb().$transaction(async (tx) => {
    const before = await getAdminPlatform(tx, input.id);
    if (!before) throw new AppError('not_found', 'Plateforme introuvable.');
    if ((input.op === 'retire') === Boolean(before.retiredAt)) {
      throw new AppError('conflict', input.op === 'retire' ? 'Plateforme déjà retirée.' : 'Plateforme déjà active.');
    }
    const retiredAt = input.op === 'retire' ? now : null;
    await setPlatformRetired(tx, { id: input.id, retiredAt });
    await appendAudit(
      tx,
      {
        actor,
        action: input.op === 'retire' ? 'platform.retired' : 'platform.restored',
        targetType: 'platform',
        targetId: input.id,
        before: { retiredAt: before.retiredAt?.toISOString() ?? null },
        after: { retiredAt: retiredAt?.toISOString() ?? null },
        reason: input.reason,
      },
      now,
    );
  });
}
