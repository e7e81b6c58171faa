import { AppError } from '@/lib/http/errors';
import { ID_SLUG as SLUG } from '@/lib/domain/slug';

const MAX_IDS = 100;

export type RequestsQuery = { ids: string[] | null; serviceCodes?: string[]; academyId?: string; from: Date | null; to: Date | null; status: 'open' | 'closed' | null };

function date(value: string | null, name: string): Date | null {
  if (!value) return null;
  const t = Date.parse(value);
  if (!/^\d{4}-\d{2}-\d{2}/.test(value) || Number.isNaN(t)) throw new AppError('invalid_input', `${name} : date invalide (format W3C, par ex. 2021-04-06T09:00:00+02:00).`);
  return new Date(t);
}

/** GeoReport v2 query of GET requests, with French errors for every bad filter. */
export function parseRequestsQuery(params: URLSearchParams, now: Date): RequestsQuery {
  const ids = params.get('service_request_id');
  const idList = ids ? ids.split(',').map((s) => s.trim().toLowerCase()).filter(Boolean) : null;
  if (idList && (idList.length > MAX_IDS || idList.some((id) => !/^[0-9a-f-]{36}$/.test(id)))) throw new AppError('invalid_input', `service_request_id : au plus ${MAX_IDS} identifiants valides, séparés par des virgules.`);
  const codes = params.get('service_code');
  const serviceCodes = codes ? codes.split(',').map((s) => s.trim()) : undefined;
  if (serviceCodes?.some((c) => !SLUG.test(c))) throw new AppError('invalid_input', 'service_code : code de service invalide.');
  const academyId = params.get('jurisdiction_id') ?? undefined;
  if (academyId !== undefined && !SLUG.test(academyId)) throw new AppError('invalid_input', 'jurisdiction_id : académie invalide.');
  const status = params.get('status');
  if (status !== null && status !== 'open' && status !== 'closed') throw new AppError('invalid_input', 'status : « open » ou « closed ».');
  const from = date(params.get('start_date'), 'start_date');
  const to = date(params.get('end_date'), 'end_date');
  if (from && to && from >= to) throw new AppError('invalid_input', 'start_date doit précéder end_date.');
  if (to && to.getTime() > now.getTime() + 86_400_000) throw new AppError('invalid_input', 'end_date est dans le futur.');
  return { ids: idList, serviceCodes, academyId, from, to, status };
}
