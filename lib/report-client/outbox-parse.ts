import { PROBLEM_CATEGORIES, REPORTER_ROLES } from '@/lib/domain/types';
import type { OutboxItem, ReportError, ReportPayload } from './types';

type UnknownRecord = Record<string, unknown>;

function isRecord(value: unknown): value is UnknownRecord {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isOptionalString(value: unknown): value is string | undefined {
  return value === undefined || typeof value === 'string';
}

function includes<T extends string>(list: readonly T[], value: unknown): value is T {
  return typeof value === 'string' && (list as readonly string[]).includes(value);
}

function toPayload(raw: unknown): ReportPayload | null {
  if (!isRecord(raw)) return null;
  const { platform, academy, category, role, comment, idempotencyKey, observedAt, deviceToken, website } = raw;
  if (typeof platform !== 'string' || typeof academy !== 'string') return null;
  if (typeof idempotencyKey !== 'string' || !includes(PROBLEM_CATEGORIES, category)) return null;
  if (role !== undefined && !includes(REPORTER_ROLES, role)) return null;
  if (![comment, observedAt, deviceToken, website].every(isOptionalString)) return null;
  const payload: ReportPayload = { platform, academy, category, idempotencyKey };
  if (role !== undefined) payload.role = role;
  if (typeof comment === 'string') payload.comment = comment;
  if (typeof observedAt === 'string') payload.observedAt = observedAt;
  if (typeof deviceToken === 'string') payload.deviceToken = deviceToken;
  if (typeof website === 'string') payload.website = website;
  return payload;
}

function toError(raw: unknown): ReportError | undefined {
  if (!isRecord(raw) || typeof raw.code !== 'string' || typeof raw.message !== 'string') return undefined;
  return {
    status: typeof raw.status === 'number' ? raw.status : 400,
    code: raw.code,
    message: raw.message,
    issues: parseIssues(raw.issues),
  };
}

/** `issues` of an API error body, keeping only well-formed entries. */
export function parseIssues(raw: unknown): ReportError['issues'] {
  if (!Array.isArray(raw)) return [];
  return raw.flatMap((issue: unknown) =>
    isRecord(issue) &&
    typeof issue.field === 'string' &&
    typeof issue.code === 'string' &&
    typeof issue.message === 'string'
      ? [{ field: issue.field, code: issue.code, message: issue.message }]
      : [],
  );
}

function toItem(raw: unknown): OutboxItem | null {
  if (!isRecord(raw)) return null;
  const payload = toPayload(raw.payload);
  const numbers = [raw.createdAt, raw.attempts, raw.nextAttemptAt, raw.notBefore];
  if (!payload || !numbers.every((n) => typeof n === 'number' && Number.isFinite(n))) return null;
  if (raw.state !== 'pending' && raw.state !== 'rejected') return null;
  const item: OutboxItem = {
    payload,
    createdAt: Number(raw.createdAt),
    attempts: Number(raw.attempts),
    nextAttemptAt: Number(raw.nextAttemptAt),
    notBefore: Number(raw.notBefore),
    state: raw.state,
  };
  const error = toError(raw.error);
  if (error) item.error = error;
  return item;
}

/** Outbox read back from storage (another version of the app may have written it): bad entries are dropped. */
export function parseStoredOutbox(text: string | null): OutboxItem[] {
  if (!text) return [];
  try {
    const raw: unknown = JSON.parse(text);
    const list = isRecord(raw) && raw.v === 1 && Array.isArray(raw.items) ? raw.items : [];
    return list.map(toItem).filter((item): item is OutboxItem => item !== null);
  } catch {
    return [];
  }
}

export function serializeOutbox(items: OutboxItem[]): string {
  return JSON.stringify({ v: 1, items });
}
