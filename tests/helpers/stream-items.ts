import type { CountsDelta, StreamDelta } from '@/lib/map-state/types';

/** One report of a counts frame, as tests look for it (`seq`: the frame's, the resume point it gives). */
export type StreamReport = {
  kind: 'report';
  seq: number;
  platformId: string;
  academyId: string;
  category: string;
  /** The first `reporters` reports of a cell count as distinct reporters. */
  reporter: boolean;
  minute: number;
};
export type StreamItem = StreamReport | Exclude<StreamDelta, CountsDelta>;

/** A stream delta as one item per report (counts frames expanded), other deltas as they are. */
export function streamItems(delta: StreamDelta): StreamItem[] {
  if (delta.kind !== 'counts') return [delta];
  return delta.cells.flatMap(([platformId, academyId, category, minute, reports, reporters]) =>
    Array.from({ length: reports }, (_, i): StreamReport => ({ kind: 'report', seq: delta.seq, platformId, academyId, category, reporter: i < reporters, minute })),
  );
}
