/** One stored incident_event row (data is free-form JSON written by the detector or a moderator). */
export type IncidentEventRow = { at: number; kind: string; data: unknown; byModerator: boolean };

export type TimelineItem =
  | { kind: 'started' | 'possible' | 'detected' | 'closed' | 'reopened'; at: number }
  | { kind: 'academies_joined'; at: number; academies: string[] }
  | { kind: 'peak'; at: number; reporters: number }
  | { kind: 'annotated'; at: number; note: string }
  | { kind: 'dismissed'; at: number; reason: string | null }
  | { kind: 'merged_into' | 'merged_from' | 'split_into' | 'split_from'; at: number; otherId: string | null };

/** Order of items at the same instant: how an outage unfolds. */
const ORDER: Record<TimelineItem['kind'], number> = {
  started: 0,
  possible: 1,
  academies_joined: 2,
  detected: 3,
  peak: 4,
  reopened: 5,
  closed: 6,
  annotated: 7,
  dismissed: 8,
  merged_into: 9,
  merged_from: 9,
  split_into: 9,
  split_from: 9,
};

function field(data: unknown, key: string): string | null {
  if (typeof data !== 'object' || data === null) return null;
  const value = (data as Record<string, unknown>)[key];
  return typeof value === 'string' ? value : null;
}

function toItem(event: IncidentEventRow): TimelineItem | null {
  const { at, kind, data } = event;
  switch (kind) {
    case 'started':
    case 'possible':
    case 'detected':
    case 'closed':
    case 'reopened':
      return { kind, at };
    case 'academy_joined': {
      const academy = field(data, 'academyId');
      return academy ? { kind: 'academies_joined', at, academies: [academy] } : null;
    }
    case 'annotated': {
      const note = field(data, 'note');
      return note ? { kind, at, note } : null;
    }
    case 'dismissed':
      return { kind, at, reason: field(data, 'reason') };
    case 'merged':
      return field(data, 'into') !== null
        ? { kind: 'merged_into', at, otherId: field(data, 'into') }
        : { kind: 'merged_from', at, otherId: field(data, 'from') };
    case 'split':
      return field(data, 'into') !== null
        ? { kind: 'split_into', at, otherId: field(data, 'into') }
        : { kind: 'split_from', at, otherId: field(data, 'from') };
    default:
      return null;
  }
}

/**
 * The incident's story in time order: its stored events (académies joining at the same minute
 * grouped, unknown kinds skipped, repeated detector events kept once) plus its peak.
 */
export function buildTimeline(input: {
  events: readonly IncidentEventRow[];
  startedAt: number;
  peak: { at: number; reporters: number } | null;
}): TimelineItem[] {
  const items: TimelineItem[] = [];
  const seen = new Set<string>();
  for (const event of input.events) {
    const item = toItem(event);
    if (!item) continue;
    if (item.kind === 'academies_joined') {
      const minute = Math.floor(item.at / 60_000);
      const group = items.find((i) => i.kind === 'academies_joined' && Math.floor(i.at / 60_000) === minute);
      if (group && group.kind === 'academies_joined') {
        for (const a of item.academies) if (!group.academies.includes(a)) group.academies.push(a);
        continue;
      }
    } else if (['started', 'possible', 'detected', 'closed', 'reopened'].includes(item.kind)) {
      const key = `${item.kind}@${item.at}`;
      if (seen.has(key)) continue;
      seen.add(key);
    }
    items.push(item);
  }
  if (!items.some((i) => i.kind === 'started')) items.push({ kind: 'started', at: input.startedAt });
  if (input.peak && input.peak.reporters > 0) items.push({ kind: 'peak', at: input.peak.at, reporters: input.peak.reporters });
  return items.sort((a, b) => a.at - b.at || ORDER[a.kind] - ORDER[b.kind]);
}
