import { z } from 'zod';
import { INCIDENT_LEVELS, PROBLEM_CATEGORIES } from '@/lib/domain/types';
import type { LiveEvent } from './types';

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
const item = z.union([
  z.tuple([z.literal('r'), z.number().int().nonnegative(), id, id, z.enum(PROBLEM_CATEGORIES), z.union([z.literal(0), z.literal(1)])]),
  z.tuple([z.literal('i'), incident]),
  z.tuple([z.literal('s')]),
]);
const message = z.object({ n: z.string().max(40), e: z.array(z.unknown()).max(1000) });

type Item = z.infer<typeof item>;

function encodeItem(event: LiveEvent): Item {
  if (event.kind === 'report') {
    return ['r', Date.parse(event.at), event.platformId, event.academyId, event.category, event.reporter ? 1 : 0];
  }
  return event.kind === 'incident' ? ['i', event.incident] : ['s'];
}

function decodeItem(value: Item): LiveEvent {
  if (value[0] === 'r') {
    const [, at, platformId, academyId, category, reporter] = value;
    return { kind: 'report', at: new Date(at).toISOString(), platformId, academyId, category, reporter: reporter === 1 };
  }
  return value[0] === 'i' ? { kind: 'incident', incident: value[1] } : { kind: 'resync' };
}

/**
 * Compact bus messages of at most `maxBytes` each (a report is about 60 bytes). `nonce` makes each
 * message distinct: PostgreSQL folds identical notifications sent in one transaction.
 */
export function encodeMessages(events: LiveEvent[], nonce: () => string, maxBytes = MAX_MESSAGE_BYTES): string[] {
  const messages: string[] = [];
  let items: string[] = [];
  let size = 0;
  const overhead = 40;
  const flush = () => {
    if (items.length > 0) messages.push(`{"n":${JSON.stringify(nonce())},"e":[${items.join(',')}]}`);
    items = [];
    size = 0;
  };
  for (const event of events) {
    let text = JSON.stringify(encodeItem(event));
    if (Buffer.byteLength(text) + overhead > maxBytes) text = JSON.stringify(['s']);
    const bytes = Buffer.byteLength(text) + 1;
    if (size + bytes + overhead > maxBytes) flush();
    items.push(text);
    size += bytes;
  }
  flush();
  return messages;
}

/** Events of one bus message; malformed items are dropped (`invalid` counts them), never thrown. */
export function decodeMessage(text: string): { events: LiveEvent[]; invalid: number } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return { events: [], invalid: 1 };
  }
  const envelope = message.safeParse(parsed);
  if (!envelope.success) return { events: [], invalid: 1 };
  const events: LiveEvent[] = [];
  let invalid = 0;
  for (const raw of envelope.data.e) {
    const result = item.safeParse(raw);
    if (result.success) events.push(decodeItem(result.data));
    else invalid += 1;
  }
  return { events, invalid };
}
