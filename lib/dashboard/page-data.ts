import type { PlatformStatus } from '@/lib/domain/types';
import type { SeriesPayload } from '@/lib/series/types';
import type { SeriesWindow } from '@/lib/series/window';
import type { AreaRow } from './area-rows';
import type { BreakdownRow } from './breakdown';
import type { StatusInterval } from './status-history';
import type { AcademyInfo, IncidentListItem, PlatformInfo, PublicComment } from '@/lib/domain/dashboard';

export type Names = { academies: Record<string, AcademyInfo>; platforms: Record<string, string> };

export type PlatformPageData = {
  platform: PlatformInfo;
  status: PlatformStatus;
  window: SeriesWindow;
  series: SeriesPayload;
  history: StatusInterval[];
  /** Open incidents, then those of the window and of the last 30 days, newest first. */
  incidents: IncidentListItem[];
  academies: AreaRow[];
  breakdown: BreakdownRow[];
  comments: PublicComment[];
  names: Names;
};

export type AcademyPageData = {
  academy: AcademyInfo;
  window: SeriesWindow;
  series: SeriesPayload;
  platforms: AreaRow[];
  /** Platforms serving the académie (for labels and the "all platforms" count). */
  serving: PlatformInfo[];
  incidents: IncidentListItem[];
  breakdown: BreakdownRow[];
  comments: PublicComment[];
  names: Names;
};
