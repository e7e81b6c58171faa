import { z } from 'zod';
import { INCIDENT_LEVELS, PROBLEM_CATEGORIES } from '@/lib/domain/types';
import type { LiveDelta } from '@/lib/map-state/types';

/** PostgreSQL refuses NOTIFY payloads of 8000 bytes or more; stay well below. */
export const MAX_MESSAGE_BYTES = 7000;

const id = z.string().min(1).max(80);
const iso = z.iso.datetime({ offset: true });
const incident = z.object({
  id,
  platformId: id,
  level: z.enum(INCIDENT_LEVELS),
  startedAt: iso,
  detectedAt: iso.nullable(),
  endedAt: iso.nullable(),
  national: z.boolean(),
  academies: z.array(id).max(200),
});
const seq = z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER);
const item = z.union([
  z.tuple([z.literal('r'), seq, z.number().int().nonnegative(), id, id, z.enum(PROBLEM_CATEGORIES), z.union([z.literal(0), z.literal(1)])]),
  z.tuple([z.literal('i'), seq, incident]),
  z.tuple([z.literal('s'), seq]),
]);
const message = z.object({ n: z.string().max(40), e: z.array(z.unknown()).max(1000) });

type Item = z.infer<typeof item>;

function encodeItem(delta: LiveDelta): Item {
  if (delta.kind === 'report') {
    return ['r', delta.seq, Date.parse(delta.at), delta.platformId, delta.academyId, delta.category, delta.reporter ? 1 : 0];
  }
  return delta.kind === 'incident' ? ['i', delta.seq, delta.incident] : ['s', delta.seq];
}

function decodeItem(value: Item): LiveDelta {
  if (value[0] === 'r') {
    const [, seq, at, platformId, academyId, category, reporter] = value;
    return { kind: 'report', seq, at: new Date(at).toISOString(), platformId, academyId, category, reporter: reporter === 1 };
  }
  return value[0] === 'i' ? { kind: 'incident', seq: value[1], incident: value[2] } : { kind: 'resync', seq: value[1] };
}

/**
 * Compact bus messages of at most `maxBytes` each (a report is about 80 bytes), each delta with the
 * seq its publisher stamped. `nonce` makes each message distinct: PostgreSQL folds identical
 * notifications sent in one transaction.
 */
export function encodeMessages(deltas: LiveDelta[], nonce: () => string, maxBytes = MAX_MESSAGE_BYTES): string[] {
  const messages: string[] = [];
  let items: string[] = [];
  let size = 0;
  const overhead = 40;
  const flush = () => {
    if (items.length > 0) messages.push(`{"n":${JSON.stringify(nonce())},"e":[${items.join(',')}]}`);
    items = [];
    size = 0;
  };
  for (const delta of deltas) {
    let text = JSON.stringify(encodeItem(delta));
    if (Buffer.byteLength(text) + overhead > maxBytes) text = JSON.stringify(['s', delta.seq]);
    const bytes = Buffer.byteLength(text) + 1;
    if (size + bytes + overhead > maxBytes) flush();
    items.push(text);
    size += bytes;
  }
  flush();
  return messages;
}

/** Deltas of one bus message; malformed items are dropped (`invalid` counts them), never thrown. */
export function decodeMessage(text: string): { deltas: LiveDelta[]; invalid: number } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return { deltas: [], invalid: 1 };
  }
  const envelope = message.safeParse(parsed);
  if (!envelope.success) return { deltas: [], invalid: 1 };
  const deltas: LiveDelta[] = [];
  let invalid = 0;
  for (const raw of envelope.data.e) {
    const result = item.safeParse(raw);
    if (result.success) deltas.push(decodeItem(result.data));
    else invalid += 1;
  }
  return { deltas, invalid };
}
