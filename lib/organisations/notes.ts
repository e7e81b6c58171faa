import 'server-only';
import { actorOf, type AuthSession } from '@/lib/auth/session';
import { appendAudit } from '@/lib/db/audit';
import { getDb } from '@/lib/db/client';
import { createIncidentNoteRow, findOrganisationOf, incidentExists, listIncidentNotes, type IncidentNoteRecord } from '@/lib/db/organisations';
import { AppError } from '@/lib/http/errors';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

async function organisationOf(session: AuthSession): Promise<string | null> {
  return findOrganisationOf(getDb(), session.userId);
}

async function requireIncident(id: string): Promise<string> {
  if (!UUID.test(id) || !(await incidentExists(getDb(), id.toLowerCase()))) throw new AppError('not_found', 'Incident introuvable.');
  return id.toLowerCase();
}

/** Notes of the caller's organisation on an incident (private to that organisation). */
export async function listMyNotes(session: AuthSession, incidentId: string): Promise<IncidentNoteRecord[]> {
  const id = await requireIncident(incidentId);
  const organisationId = await organisationOf(session);
  return organisationId ? listIncidentNotes(getDb(), { organisationId, incidentId: id }) : [];
}

export async function addNote(session: AuthSession, incidentId: string, body: string, now = new Date()): Promise<IncidentNoteRecord> {
  const id = await requireIncident(incidentId);
  const organisationId = await organisationOf(session);
  if (!organisationId) throw new AppError('conflict', 'Votre compte n’est rattaché à aucune organisation : demandez-le à un administrateur.');
  return getDb().$transaction(async (tx) => {
    const note = await createIncidentNoteRow(tx, { organisationId, incidentId: id, authorId: session.userId, body });
    await appendAudit(tx, { actor: actorOf(session), action: 'note.created', targetType: 'incident', targetId: id, after: { noteId: note.id, organisationId } }, now);
    return note;
  });
}
