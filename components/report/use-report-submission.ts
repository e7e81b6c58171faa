'use client';

import { useCallback, useEffect, useRef, useState } from 'react';
import { rejectionToFormErrors, type FormErrors } from '@/lib/report-client/form-errors';
import { createRandomToken } from '@/lib/report-client/identity';
import type { OutboxEvent, ReportPayload, RetryReason } from '@/lib/report-client/types';
import type { DeliveredNotice } from './outbox-notice';
import { useOutbox, type Outbox } from './use-outbox';

export type SubmissionPhase =
  | { kind: 'editing' }
  | { kind: 'sending' }
  | { kind: 'queued'; reason: RetryReason }
  | { kind: 'done'; event: Extract<OutboxEvent, { type: 'delivered' }> };

export type ReportSubmission = {
  phase: SubmissionPhase;
  /** Idempotency key of the report being written; a new one after each report is handed over. */
  key: string;
  outbox: Outbox;
  delivered: DeliveredNotice[];
  submit(payload: ReportPayload): void;
  startAnother(): void;
  dismissDelivered(key: string): void;
};

/**
 * The life of the report on screen: sending, waiting in the outbox, delivered (now or later, while
 * the page is open) or refused, in which case the form comes back with the server's errors.
 */
export function useReportSubmission(input: {
  initialKey: string;
  onRejected: (errors: FormErrors) => void;
}): ReportSubmission {
  const [phase, setPhase] = useState<SubmissionPhase>({ kind: 'editing' });
  const [key, setKey] = useState(input.initialKey);
  const [delivered, setDelivered] = useState<DeliveredNotice[]>([]);
  const currentKey = useRef<string | null>(null);
  const removeRef = useRef<(key: string) => void>(() => {});
  const onRejectedRef = useRef(input.onRejected);

  useEffect(() => {
    onRejectedRef.current = input.onRejected;
  }, [input.onRejected]);

  const handleEvent = useCallback((event: OutboxEvent) => {
    const isCurrent = event.payload.idempotencyKey === currentKey.current;
    if (event.type === 'delivered') {
      if (isCurrent) setPhase({ kind: 'done', event });
      else setDelivered((list) => [...list, { payload: event.payload, report: event.report }]);
    } else if (event.type === 'queued' && isCurrent) {
      setPhase((current) => (current.kind === 'sending' || current.kind === 'queued' ? { kind: 'queued', reason: event.reason } : current));
    } else if (event.type === 'rejected' && isCurrent) {
      removeRef.current(event.payload.idempotencyKey);
      currentKey.current = null;
      setPhase({ kind: 'editing' });
      onRejectedRef.current(rejectionToFormErrors(event.error));
    }
  }, []);

  const outbox = useOutbox(handleEvent);
  useEffect(() => {
    removeRef.current = outbox.remove;
  }, [outbox.remove]);

  function submit(payload: ReportPayload) {
    currentKey.current = payload.idempotencyKey;
    setPhase({ kind: 'sending' });
    outbox.submit(payload);
  }

  function startAnother() {
    currentKey.current = null;
    setKey(createRandomToken());
    setPhase({ kind: 'editing' });
  }

  function dismissDelivered(dismissed: string) {
    setDelivered((list) => list.filter((d) => d.payload.idempotencyKey !== dismissed));
  }

  return { phase, key, outbox, delivered, submit, startAnother, dismissDelivered };
}
