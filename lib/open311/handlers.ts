import 'server-only';
import { randomBytes } from 'node:crypto';
import { getDb } from '@/lib/db/client';
import { listServingPlatforms, readNames } from '@/lib/db/dashboard';
import { listOpenIncidentAreas, listPublicReports, readPublicReports } from '@/lib/db/open311';
import { getAcademyById, isAcademyId } from '@/lib/geo/academies';
import { readLimitedBody, REPORT_BODY_LIMIT_BYTES, requireContentType } from '@/lib/http/body';
import { AppError } from '@/lib/http/errors';
import { acceptReport } from '@/lib/ingest/accept-report';
import { parseReportInput } from '@/lib/ingest/schema';
import { getBoundaryAsset } from '@/lib/map/boundaries';
import { createLocatorFromTopology } from '@/lib/report-client/locate-academy';
import type { AcademyLocator } from '@/lib/geo/point-in-academy';
import { open311Response, type Open311Format } from './format';
import { serviceDefinition, toReportBody, toService, toServiceRequest } from './georeport';
import { parseRequestsQuery } from './query';

const DAY_MS = 86_400_000;

export function discovery(format: Open311Format, origin: string): Response {
  const data = {
    changeset: '2026-12-07T00:00:00Z',
    contact: 'École en panne — signalements participatifs des pannes des services numériques scolaires',
    key_service: 'Aucune clé n’est nécessaire : les envois suivent les mêmes limites que le formulaire public.',
    endpoints: [
      { specification: 'http://wiki.open311.org/GeoReport_v2', url: `${origin}/open311/v2`, changeset: '2026-12-07T00:00:00Z', type: 'production', formats: ['application/json', 'text/xml'] },
    ],
  };
  return open311Response({ format, root: 'discovery', item: null, data, cache: 'public, max-age=3600' });
}

/** Services, optionally those used in one académie (jurisdiction_id = académie id). */
export async function services(format: Open311Format, jurisdictionId: string | null): Promise<Response> {
  if (jurisdictionId && !isAcademyId(jurisdictionId)) throw new AppError('not_found', `Juridiction inconnue : « ${jurisdictionId} » n’est pas une académie.`);
  const platforms = await listServingPlatforms(getDb(), jurisdictionId ?? undefined);
  return open311Response({ format, root: 'services', item: 'service', data: platforms.map(toService), cache: 'public, max-age=300' });
}

export async function service(format: Open311Format, code: string): Promise<Response> {
  const names = await readNames(getDb());
  if (!names.platforms[code]) throw new AppError('not_found', `Service inconnu : « ${code} ».`);
  return open311Response({ format, root: 'service_definition', item: null, data: serviceDefinition(code), cache: 'public, max-age=300' });
}

async function toRequests(rows: Awaited<ReturnType<typeof listPublicReports>>, origin: string) {
  const db = getDb();
  const [names, open] = await Promise.all([readNames(db), listOpenIncidentAreas(db)]);
  return rows.map((r) =>
    toServiceRequest(r, {
      platformName: names.platforms[r.platformId] ?? r.platformId,
      academy: getAcademyById(r.academyId),
      open: open.some((i) => i.platformId === r.platformId && (i.national || i.academies.includes(r.academyId))),
      origin,
    }),
  );
}

/** GET requests: by ids, or by service, académie and period (default the last 90 days, newest 1,000 at most). */
export async function listRequests(format: Open311Format, params: URLSearchParams, origin: string, now: Date): Promise<Response> {
  const query = parseRequestsQuery(params, now);
  const rows = query.ids
    ? await readPublicReports(getDb(), query.ids)
    : await listPublicReports(getDb(), { platformIds: query.serviceCodes, academyId: query.academyId, from: query.from ?? new Date(now.getTime() - 90 * DAY_MS), to: query.to ?? now, limit: 1_000 });
  const data = (await toRequests(rows, origin)).filter((r) => !query.status || r.status === query.status);
  return open311Response({ format, root: 'service_requests', item: 'request', data });
}

export async function readRequest(format: Open311Format, id: string, origin: string): Promise<Response> {
  const rows = /^[0-9a-f-]{36}$/i.test(id) ? await readPublicReports(getDb(), [id.toLowerCase()]) : [];
  if (rows.length === 0) throw new AppError('not_found', 'Signalement introuvable.');
  return open311Response({ format, root: 'service_requests', item: 'request', data: await toRequests(rows, origin) });
}

let locator: Promise<AcademyLocator | null> | null = null;
function academyAt(): Promise<AcademyLocator | null> {
  locator ??= getBoundaryAsset().then((asset) => createLocatorFromTopology(JSON.parse(asset.body) as unknown));
  return locator;
}

/** POST requests: the same validation, counting and abuse rules as POST /api/reports. */
export async function postRequest(format: Open311Format, req: Request, now: Date): Promise<Response> {
  requireContentType(req, 'application/x-www-form-urlencoded');
  const text = await readLimitedBody(req, REPORT_BODY_LIMIT_BYTES);
  const post = Object.fromEntries(new URLSearchParams(text));
  const locate = await academyAt();
  const body = toReportBody(post, (lat, lon) => locate?.findAcademyAt(lon, lat) ?? null, () => randomBytes(18).toString('base64url'));
  const parsed = parseReportInput(body, { now });
  if (!parsed.ok) throw new AppError('invalid_input', parsed.issues.map((i) => `${i.field} : ${i.message}`).join(' '), { issues: parsed.issues });
  const result = await acceptReport(parsed.value, { headers: req.headers, now });
  const notice = result.body.counted ? 'Signalement reçu et compté. Merci.' : 'Signalement reçu (déjà compté récemment pour cette source).';
  return open311Response({ format, status: result.status, root: 'service_requests', item: 'request', data: [{ service_request_id: result.body.id, service_notice: notice, account_id: '' }] });
}
