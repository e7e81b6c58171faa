import { INCIDENT_LEVELS, PROBLEM_CATEGORIES } from '@/lib/domain/types';
import type { CountsCell, IncidentSummary, MapState, StreamDelta } from '@/lib/map-state/types';

// Hand-written guards: the browser bundle stays free of zod.
type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const isStr = (v: unknown): v is string => typeof v === 'string' && v.length > 0 && v.length <= 100;
const isTime = (v: unknown): v is string => typeof v === 'string' && !Number.isNaN(Date.parse(v));
const isSeq = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;
const CATEGORIES: ReadonlySet<unknown> = new Set(PROBLEM_CATEGORIES);
const LEVELS: ReadonlySet<unknown> = new Set(INCIDENT_LEVELS);

function isIncident(v: unknown): v is IncidentSummary {
  return (
    isObj(v) &&
    isStr(v.id) &&
    isStr(v.platformId) &&
    LEVELS.has(v.level) &&
    isTime(v.startedAt) &&
    (v.detectedAt === null || isTime(v.detectedAt)) &&
    (v.endedAt === null || isTime(v.endedAt)) &&
    typeof v.national === 'boolean' &&
    Array.isArray(v.academies) &&
    v.academies.every(isStr)
  );
}

const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;
const isCell = (v: unknown): v is CountsCell =>
  Array.isArray(v) &&
  v.length === 6 &&
  isStr(v[0]) &&
  isStr(v[1]) &&
  CATEGORIES.has(v[2]) &&
  typeof v[3] === 'number' &&
  Number.isSafeInteger(v[3]) &&
  isCount(v[4]) &&
  isCount(v[5]) &&
  v[5] <= v[4];

/** One `data:` line of /api/flux, or null when it is not a delta this client understands. */
export function parseDelta(text: string): StreamDelta | null {
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch {
    return null;
  }
  if (!isObj(v) || !isSeq(v.seq)) return null;
  if (v.kind === 'resync') return { kind: 'resync', seq: v.seq };
  if (v.kind === 'incident') return isIncident(v.incident) ? { kind: 'incident', seq: v.seq, incident: v.incident } : null;
  if (v.kind !== 'counts' || !isSeq(v.first) || v.first > v.seq || !isTime(v.at) || !isTime(v.since) || !Array.isArray(v.cells) || !v.cells.every(isCell)) {
    return null;
  }
  return { kind: 'counts', seq: v.seq, first: v.first, at: v.at, since: v.since, cells: v.cells };
}

/** A /api/etat body shaped like a MapState (the server is trusted; this only rejects error pages). */
export function isMapState(v: unknown): v is MapState {
  return isObj(v) && isSeq(v.seq) && isTime(v.at) && typeof v.live === 'boolean' && Array.isArray(v.academies) && Array.isArray(v.platforms) && Array.isArray(v.incidents);
}
