import { randomBytes, randomUUID } from 'node:crypto';
import type { NewReportRow } from '@/lib/db/reports';
import { uuidv7 } from '@/lib/ingest/uuid';

/**
 * A counted report row as the ingest path would insert it: fresh id, idempotency key and source
 * fingerprint, no comment, role or device. Platform, académie and time are the caller's.
 */
export function reportRow(
  over: Partial<NewReportRow> & Pick<NewReportRow, 'createdAt' | 'platformId' | 'academyId'>,
): NewReportRow {
  return {
    id: uuidv7(over.createdAt.getTime()),
    category: 'login',
    role: null,
    comment: null,
    observedAt: null,
    idempotencyKey: randomUUID(),
    sourceFingerprint: randomBytes(32).toString('hex'),
    deviceTokenHash: null,
    counted: true,
    distinctReporter: true,
    flagReason: null,
    ...over,
  };
}
