import { ACADEMY_TIME_ZONES } from '@/lib/calendar/time-zones';
import type { Academy } from '@/lib/domain/types';
import academiesData from './data/academies.json';

type AcademyRow = (typeof academiesData.academies)[number];

function toAcademy(row: AcademyRow): Academy {
  return {
    id: row.id,
    name: row.name,
    code: row.code,
    regionId: row.region.id,
    regionName: row.region.name,
    overseas: row.overseas,
    timeZone: ACADEMY_TIME_ZONES[row.id] ?? 'Europe/Paris',
    labelLon: row.label_point.lon,
    labelLat: row.label_point.lat,
    departements: [...row.departements],
  };
}

const ACADEMIES: readonly Academy[] = academiesData.academies.map(toAcademy);
const BY_ID = new Map(ACADEMIES.map((academy) => [academy.id, academy]));
const BY_DEPARTEMENT = new Map<string, Academy>();
for (const row of academiesData.academies) {
  const academy = BY_ID.get(row.id);
  if (!academy) continue;
  for (const code of row.departements) BY_DEPARTEMENT.set(code, academy);
  for (const com of row.collectivites_outre_mer ?? []) {
    BY_DEPARTEMENT.set(com.code, academy);
  }
}

/** The 30 académies, in the order of academies.json. */
export function listAcademies(): readonly Academy[] {
  return ACADEMIES;
}

export function getAcademyById(id: string): Academy | null {
  return BY_ID.get(id) ?? null;
}

/** Académie of a département code ("75", "2A", "974"); COMs 975/977/978 map to their recteur's. */
export function getAcademyByDepartement(code: string): Academy | null {
  return BY_DEPARTEMENT.get(code.trim().toUpperCase()) ?? null;
}

export function isAcademyId(id: string): boolean {
  return BY_ID.has(id);
}
