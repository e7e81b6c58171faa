import { parseStoredOutbox, serializeOutbox } from './outbox-parse';
import type { OutboxItem } from './types';

export type StorageLike = Pick<Storage, 'getItem' | 'setItem'>;

export type OutboxStore = {
  load(): OutboxItem[];
  save(items: OutboxItem[]): void;
  /** False when reports only live in memory (storage blocked or full): they survive until the tab closes. */
  isPersistent(): boolean;
};

export const OUTBOX_STORAGE_KEY = 'reportOutbox';

/**
 * Outbox kept in localStorage (synchronous, so a report is stored before the request leaves) and
 * mirrored in memory, which takes over when storage throws (private browsing, quota).
 */
export function createOutboxStore(storage: StorageLike | null): OutboxStore {
  let memory: OutboxItem[] = [];
  let persistent = storage !== null;

  function load(): OutboxItem[] {
    if (!storage || !persistent) return memory;
    try {
      memory = parseStoredOutbox(storage.getItem(OUTBOX_STORAGE_KEY));
    } catch {
      persistent = false;
    }
    return memory;
  }

  function save(items: OutboxItem[]): void {
    memory = items;
    if (!storage || !persistent) return;
    try {
      storage.setItem(OUTBOX_STORAGE_KEY, serializeOutbox(items));
    } catch {
      persistent = false;
    }
  }

  return { load, save, isPersistent: () => persistent };
}

/** window.localStorage, or null where reading it throws (disabled cookies in some browsers). */
export function browserStorage(): StorageLike | null {
  try {
    return typeof window === 'undefined' ? null : window.localStorage;
  } catch {
    return null;
  }
}
