import { Feed } from 'feed';
import type { PrismaClient } from '@/lib/db/types';
import { listDigests, type DigestRow } from '@/lib/db/ledger';
import { parseDigestBody } from './check-ledger';
import type { DigestCounts } from './digest';
import { formatDayFr } from './paris-day';

/** A published digest as anyone may copy it: the signed text itself plus its fields for reading. */
export type PublicDigest = {
  id: string;
  day: string;
  final: boolean;
  entryCount: number;
  root: string;
  prev: string | null;
  counts: DigestCounts;
  issuedAt: string;
  hash: string;
  signature: string;
  body: string;
};

export type ProofsList = { publicKey: string; keyId: string; algorithm: 'Ed25519'; items: PublicDigest[]; nextCursor: string | null };

function toPublicDigest(d: DigestRow): PublicDigest {
  const body = parseDigestBody(d.body);
  return {
    id: String(d.id),
    day: d.day,
    final: d.final,
    entryCount: d.entryCount,
    root: d.root,
    prev: body?.prev ?? null,
    counts: body?.counts ?? { report: 0, moderation: 0, incident: 0 },
    issuedAt: body?.issuedAt ?? d.createdAt.toISOString(),
    hash: d.hash,
    signature: d.signature,
    body: d.body,
  };
}

/** Newest digests first, with the key that signs them. `before` is the id cursor of the previous page. */
export async function listProofs(
  db: PrismaClient,
  input: { key: { publicKeyHex: string; keyId: string }; limit: number; before?: bigint },
): Promise<ProofsList> {
  const rows = await listDigests(db, { limit: input.limit + 1, before: input.before });
  const items = rows.slice(0, input.limit).map(toPublicDigest);
  return {
    publicKey: input.key.publicKeyHex,
    keyId: input.key.keyId,
    algorithm: 'Ed25519',
    items,
    nextCursor: rows.length > input.limit ? (items.at(-1)?.id ?? null) : null,
  };
}

/** Atom feed of the digests: archiving it (or letting a third party do so) fixes them in time. */
export function proofsAtom(list: ProofsList, origin: string): string {
  const feed = new Feed({
    title: 'École en panne — condensés signés du registre',
    id: `${origin}/preuves`,
    link: `${origin}/preuves`,
    language: 'fr',
    copyright: 'Données ouvertes (Licence Ouverte 2.0)',
    updated: list.items[0] ? new Date(list.items[0].issuedAt) : new Date(0),
    description: `Clé publique Ed25519 ${list.publicKey}`,
  });
  for (const d of list.items) {
    feed.addItem({
      title: `Registre du ${formatDayFr(d.day)} ${d.final ? '(définitif)' : '(en cours)'} : ${d.entryCount} entrées`,
      id: `${origin}/api/preuves#${d.hash}`,
      link: `${origin}/preuves#condense-${d.id}`,
      date: new Date(d.issuedAt),
      description: `Racine ${d.root} · condensé ${d.hash}`,
      content: JSON.stringify({ body: d.body, hash: d.hash, signature: d.signature }),
    });
  }
  return feed.atom1();
}
