import 'server-only';
import { randomUUID } from 'node:crypto';
import { appendAudit } from '@/lib/db/audit';
import { getDb } from '@/lib/db/client';
import { createDossierRow, findDossierFor, listDossiersFor, type DossierRecord, type DossierViewer } from '@/lib/db/dossiers';
import { findOrganisationOf } from '@/lib/db/organisations';
import { actorOf, type AuthSession } from '@/lib/auth/session';
import { env } from '@/lib/env';
import { instanceKey } from '@/lib/evidence/instance-key';
import { AppError } from '@/lib/http/errors';
import { runDossierQueue } from './queue';
import type { DossierRequest } from './schema';
import { openDossierZip } from './storage';
import { componentLogger, errorMessage } from '@/lib/log/logger';

const log = componentLogger('dossiers');

export type DossierView = Omit<DossierRecord, 'filters' | 'ownerId' | 'organisationId'> & { filters: unknown; downloadUrl: string | null };

function toView(r: DossierRecord): DossierView {
  const { ownerId: _o, organisationId: _g, ...rest } = r;
  return { ...rest, downloadUrl: r.state === 'ready' ? `/api/dossiers/${r.id}/zip` : null };
}

export async function viewerOf(session: AuthSession): Promise<DossierViewer> {
  return { userId: session.userId, organisationId: await findOrganisationOf(getDb(), session.userId) };
}

let draining: Promise<unknown> | null = null;

/** Starts the build queue in this process now (the scheduler also runs it, for restarts and other instances). */
export function kickDossierQueue(): void {
  draining ??= runDossierQueue({ db: getDb(), key: instanceKey(), dataDir: env.DATA_DIR })
    .catch((error: unknown) => log.error({ err: errorMessage(error) }, 'queue failed'))
    .finally(() => (draining = null));
}

/** Queues a dossier for the caller's organisation (or for the caller alone when they have none). */
export async function requestDossier(session: AuthSession, request: DossierRequest, now = new Date()): Promise<DossierView> {
  const viewer = await viewerOf(session);
  const record = await getDb().$transaction(async (tx) => {
    const row = await createDossierRow(tx, { id: randomUUID(), viewer, title: request.title, filters: request });
    await appendAudit(tx, { actor: actorOf(session), action: 'dossier.requested', targetType: 'dossier', targetId: row.id, after: { filters: request } }, now);
    return row;
  });
  kickDossierQueue();
  return toView(record);
}

export async function listMyDossiers(session: AuthSession): Promise<DossierView[]> {
  return (await listDossiersFor(getDb(), await viewerOf(session), 100)).map(toView);
}

/** The dossier if the caller may see it; another organisation's dossier is « not found », never « forbidden ». */
export async function getMyDossier(session: AuthSession, id: string): Promise<DossierView> {
  const record = /^[0-9a-f-]{36}$/i.test(id) ? await findDossierFor(getDb(), await viewerOf(session), id.toLowerCase()) : null;
  if (!record) throw new AppError('not_found', 'Dossier introuvable.');
  return toView(record);
}

/** The caller's ready dossier as a stream from the database (any instance can serve it). */
export async function downloadMyDossier(session: AuthSession, id: string): Promise<{ stream: ReadableStream<Uint8Array>; sizeBytes: number; fileName: string }> {
  const view = await getMyDossier(session, id);
  if (view.state !== 'ready') throw new AppError('conflict', view.state === 'expired' ? 'Ce dossier a expiré : construisez-le à nouveau.' : 'Ce dossier n’est pas encore prêt.');
  const sizeBytes = view.sizeBytes ?? 0;
  const stream = await openDossierZip(getDb(), { dossierId: view.id, sizeBytes });
  if (!stream) throw new AppError('not_found', 'Le fichier de ce dossier n’est plus disponible : construisez-le à nouveau.');
  return { stream, sizeBytes, fileName: `dossier-${view.createdAt.toISOString().slice(0, 10)}-${view.id.slice(0, 8)}.zip` };
}
