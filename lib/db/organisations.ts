import type { DbLike } from './audit';

export type OrganisationSummary = { id: string; name: string; members: Array<{ userId: string; email: string }> };

export async function listOrganisations(db: DbLike): Promise<OrganisationSummary[]> {
  const orgs = await db.organisation.findMany({ include: { members: true }, orderBy: { name: 'asc' } });
  const users = await db.user.findMany({ where: { id: { in: orgs.flatMap((o) => o.members.map((m) => m.userId)) } }, select: { id: true, email: true } });
  const email = new Map(users.map((u) => [u.id, u.email]));
  return orgs.map((o) => ({ id: o.id, name: o.name, members: o.members.map((m) => ({ userId: m.userId, email: email.get(m.userId) ?? '' })) }));
}

export async function createOrganisationRow(db: DbLike, name: string): Promise<{ id: string; name: string } | null> {
  const existing = await db.organisation.findUnique({ where: { name } });
  if (existing) return null;
  return db.organisation.create({ data: { name }, select: { id: true, name: true } });
}

/** Attaches an account to an organisation (an account belongs to one at most: this moves it). */
export async function setMembership(db: DbLike, input: { userId: string; organisationId: string }): Promise<void> {
  await db.organisationMember.upsert({ where: { userId: input.userId }, create: input, update: { organisationId: input.organisationId } });
}

export async function removeMembership(db: DbLike, userId: string): Promise<void> {
  await db.organisationMember.deleteMany({ where: { userId } });
}

export async function findOrganisationOf(db: DbLike, userId: string): Promise<string | null> {
  return (await db.organisationMember.findUnique({ where: { userId }, select: { organisationId: true } }))?.organisationId ?? null;
}

export async function organisationExists(db: DbLike, id: string): Promise<boolean> {
  return (await db.organisation.count({ where: { id } })) === 1;
}

export async function userExists(db: DbLike, id: string): Promise<boolean> {
  return (await db.user.count({ where: { id } })) === 1;
}

export type IncidentNoteRecord = { id: string; incidentId: string; authorId: string; body: string; createdAt: Date };

/** The organisation's notes on an incident, oldest first (never another organisation's). */
export async function listIncidentNotes(db: DbLike, input: { organisationId: string; incidentId: string }): Promise<IncidentNoteRecord[]> {
  return db.incidentNote.findMany({
    where: input,
    orderBy: { createdAt: 'asc' },
    select: { id: true, incidentId: true, authorId: true, body: true, createdAt: true },
  });
}

export async function createIncidentNoteRow(db: DbLike, input: { organisationId: string; incidentId: string; authorId: string; body: string }): Promise<IncidentNoteRecord> {
  return db.incidentNote.create({ data: input, select: { id: true, incidentId: true, authorId: true, body: true, createdAt: true } });
}

export async function incidentExists(db: DbLike, id: string): Promise<boolean> {
  return (await db.incident.count({ where: { id } })) === 1;
}
