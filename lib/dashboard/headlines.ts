import 'server-only';
import { getDb } from '@/lib/db/client';
import { listIncidents, readAcademy, readPlatform } from '@/lib/db/dashboard';
import { statusFromIncidents } from '@/lib/domain/status';
import type { PlatformStatus } from '@/lib/domain/types';
import type { AcademyInfo, IncidentListItem, PlatformInfo } from '@/lib/domain/dashboard';

const FAR_FUTURE = new Date(8.64e15);

/** A platform and its current status (open incidents), for titles and sharing images; null if unknown. */
export async function loadPlatformHeadline(id: string): Promise<{ platform: PlatformInfo; status: PlatformStatus; open: IncidentListItem[] } | null> {
  const db = getDb();
  const platform = await readPlatform(db, id);
  if (!platform) return null;
  const open = (await listIncidents(db, { platformId: id, since: FAR_FUTURE, limit: 20 })).filter((i) => i.state === 'open');
  return { platform, status: statusFromIncidents(open), open };
}

/** An académie and the platforms with an open incident there, for titles and sharing images. */
export async function loadAcademyHeadline(id: string): Promise<{ academy: AcademyInfo; open: IncidentListItem[] } | null> {
  const db = getDb();
  const academy = await readAcademy(db, id);
  if (!academy) return null;
  const open = (await listIncidents(db, { academyId: id, since: FAR_FUTURE, limit: 50 })).filter((i) => i.state === 'open');
  return { academy, open };
}
