import type { IncidentLevel } from './types';

export type PairCount = { platformId: string; academyId: string; reports: number; reporters: number };

/** An incident as stored (its current state), with when each académie joined it. */
export type IncidentRecord = {
  id: string;
  platformId: string;
  level: IncidentLevel;
  startedAt: Date;
  detectedAt: Date | null;
  endedAt: Date | null;
  national: boolean;
  academies: ReadonlyArray<{ academyId: string; joinedAt: Date }>;
};
