'use client';

import { useCallback, useEffect, useRef, useState } from 'react';
import { flushOutbox } from '@/lib/report-client/flush-outbox';
import { enqueueReport, markAllDue, nextWakeAt, removeReport } from '@/lib/report-client/outbox';
import { browserStorage, createOutboxStore, OUTBOX_STORAGE_KEY, type OutboxStore } from '@/lib/report-client/outbox-store';
import { sendReport } from '@/lib/report-client/send-report';
import { solvePowChallenge } from '@/lib/report-client/solve-pow';
import type { OutboxEvent, OutboxItem, ReportPayload } from '@/lib/report-client/types';

export type Outbox = {
  items: OutboxItem[];
  isPersistent: boolean;
  /** Stores the report first, then sends it; the outcome arrives through `onEvent`. */
  submit(payload: ReportPayload): void;
  retryNow(): void;
  remove(key: string): void;
};

function send(payload: ReportPayload) {
  const fetchImpl: typeof fetch = (input, init) => window.fetch(input, init);
  return sendReport(payload, { fetch: fetchImpl, solvePow: () => solvePowChallenge(fetchImpl) });
}

/**
 * Runs the outbox in this tab: sends due reports, sleeps until the next retry, and wakes up early
 * on page load, when the network comes back or the tab becomes visible.
 */
export function useOutbox(onEvent: (event: OutboxEvent) => void): Outbox {
  const storeRef = useRef<OutboxStore | null>(null);
  const flushing = useRef(false);
  const isMounted = useRef(false);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const onEventRef = useRef(onEvent);
  const [items, setItems] = useState<OutboxItem[]>([]);
  const [isPersistent, setPersistent] = useState(true);

  useEffect(() => {
    onEventRef.current = onEvent;
  }, [onEvent]);

  const getStore = useCallback((): OutboxStore => {
    storeRef.current ??= createOutboxStore(browserStorage());
    return storeRef.current;
  }, []);

  const refresh = useCallback(() => {
    const store = getStore();
    setItems(store.load());
    setPersistent(store.isPersistent());
  }, [getStore]);

  const flush = useCallback(async (): Promise<void> => {
    if (flushing.current) return;
    flushing.current = true;
    clearTimeout(timer.current);
    try {
      await flushOutbox({
        store: getStore(),
        send,
        now: Date.now,
        random: Math.random,
        onEvent: (event) => {
          refresh();
          onEventRef.current(event);
        },
      });
    } finally {
      flushing.current = false;
      refresh();
      const wake = nextWakeAt(getStore().load());
      if (wake !== null && isMounted.current) timer.current = setTimeout(() => void flush(), Math.max(0, wake - Date.now()));
    }
  }, [getStore, refresh]);

  const retryNow = useCallback(() => {
    const store = getStore();
    store.save(markAllDue(store.load(), Date.now()));
    void flush();
  }, [flush, getStore]);

  useEffect(() => {
    isMounted.current = true;
    retryNow();
    const onVisible = () => document.visibilityState === 'visible' && retryNow();
    const onStorage = (event: StorageEvent) => event.key === OUTBOX_STORAGE_KEY && refresh();
    window.addEventListener('online', retryNow);
    window.addEventListener('storage', onStorage);
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      isMounted.current = false;
      clearTimeout(timer.current);
      window.removeEventListener('online', retryNow);
      window.removeEventListener('storage', onStorage);
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, [refresh, retryNow]);

  const submit = useCallback(
    (payload: ReportPayload) => {
      const store = getStore();
      store.save(enqueueReport(store.load(), payload, Date.now()));
      refresh();
      void flush();
    },
    [flush, getStore, refresh],
  );

  const remove = useCallback(
    (key: string) => {
      const store = getStore();
      store.save(removeReport(store.load(), key));
      refresh();
    },
    [getStore, refresh],
  );

  return { items, isPersistent, submit, retryNow, remove };
}
