import { randomBytes, randomUUID } from 'node:crypto';
import type { NewReportRow } from '@/lib/db/reports';
import { fallbackPlatformBaselines } from '@/lib/detect/platform-baseline';
import type { PrismaClient } from '@/lib/generated/prisma/client';
import { uuidv7 } from '@/lib/domain/uuid';

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
    networkFingerprint: randomBytes(32).toString('hex'),
    counted: true,
    distinctReporter: true,
    flagReason: null,
    ...over,
  };
}

/**
 * Stores fallback baselines for a platform (shape from the first académie, one model per académie), unless
 * it already has some. Suites pick a `learnedAt` of their own to delete them afterwards.
 */
export async function insertFallbackBaselines(
  db: PrismaClient,
  input: { platformId: string; academies: string[]; learnedAt: Date; totalDispersion: number },
): Promise<void> {
  const model = fallbackPlatformBaselines(input.academies, input.totalDispersion);
  await db.baseline.upsert({
    where: { platformId_academyId: { platformId: input.platformId, academyId: '' } },
    create: { platformId: input.platformId, academyId: '', learnedAt: input.learnedAt, model: JSON.parse(JSON.stringify(model)) },
    update: {},
  });
}
