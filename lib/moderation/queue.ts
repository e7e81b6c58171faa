import type { FlagReason } from '@/lib/domain/types';
import { shortLabel } from '@/lib/ingest/fingerprint';
import { AUTOMATIC_FLAGS, type ModerationReportRow } from '@/lib/domain/moderation';

export { AUTOMATIC_FLAGS, type ModerationReportRow };

export const FLAG_LABELS: Record<FlagReason, string> = {
  flood: 'Vague de signalements identiques',
  duplicate: 'Doublon',
  honeypot: 'Piège à robots rempli',
  rate_limited: 'Trop de signalements de cette source',
  moderator: 'Masqué par la modération',
};

/** What a moderator sees: the source only as a short opaque label, never the fingerprint itself. */
export type QueueItem = Omit<ModerationReportRow, 'sourceFingerprint'> & { source: string | null; flagLabel: string | null };

export function isFlagReason(value: string | null): value is FlagReason {
  return value !== null && value in FLAG_LABELS;
}

export function toQueueItem(row: ModerationReportRow): QueueItem {
  const { sourceFingerprint, ...rest } = row;
  return {
    ...rest,
    source: sourceFingerprint ? shortLabel(sourceFingerprint) : null,
    flagLabel: isFlagReason(row.flagReason) ? FLAG_LABELS[row.flagReason] : null,
  };
}

export type SourceGroup = { source: string; sampleReportId: string; reports: number; reasons: string[]; lastAt: Date };
