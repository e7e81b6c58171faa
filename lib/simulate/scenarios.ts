import { listSimAcademies } from './catalog';
import type { OutageSpec, Scenario } from './types';

const DECAY_SATURATION = { halfLifeMinutes: 120, floor: 0.35 };

// 6–7 April 2021 is summer time in metropolitan France: Europe/Paris = UTC+2.
function paris(localDateTime: string): number {
  return Date.parse(`${localDateTime}:00+02:00`);
}

function entSaturation(platformId: string, end: string, extraPerMinute: number): OutageSpec {
  return {
    id: `2021-04-06-${platformId}`,
    platformId,
    academies: 'national',
    start: paris('2021-04-06T08:30'),
    end: paris(`2021-04-06T${end}`),
    extraPerMinute,
    kind: 'saturation',
    rampMinutes: 5,
    decay: DECAY_SATURATION,
  };
}

const NATIONAL_SLOWDOWNS: OutageSpec[] = [
  {
    id: '2021-04-06-pronote-slow',
    platformId: 'pronote',
    academies: 'national',
    start: paris('2021-04-06T08:40'),
    end: paris('2021-04-06T12:30'),
    extraPerMinute: 10,
    kind: 'slow_burn',
    rampMinutes: 45,
  },
  {
    id: '2021-04-06-pronote-orleans-tours',
    platformId: 'pronote',
    academies: ['orleans-tours'],
    start: paris('2021-04-06T09:15'),
    end: paris('2021-04-06T11:00'),
    extraPerMinute: 3,
    kind: 'outage',
  },
  {
    id: '2021-04-06-ecoledirecte-slow',
    platformId: 'ecoledirecte',
    academies: 'national',
    start: paris('2021-04-06T08:45'),
    end: paris('2021-04-06T11:30'),
    extraPerMinute: 4,
    kind: 'slow_burn',
    rampMinutes: 30,
  },
];

const CNED: OutageSpec[] = [
  {
    id: '2021-04-06-cned-ddos',
    platformId: 'cned-ma-classe-a-la-maison',
    academies: 'national',
    start: paris('2021-04-06T09:02'),
    end: paris('2021-04-06T19:30'),
    extraPerMinute: 30,
    kind: 'attack',
    decay: { halfLifeMinutes: 150, floor: 0.3 },
  },
  {
    id: '2021-04-07-cned-slow',
    platformId: 'cned-ma-classe-a-la-maison',
    academies: 'national',
    start: paris('2021-04-07T08:00'),
    end: paris('2021-04-07T12:00'),
    extraPerMinute: 6,
    kind: 'slow_burn',
    rampMinutes: 20,
  },
];

/**
 * 6–7 April 2021 (doc lib/simulate/data/scenario-2021-04-06.md): six regional ENTs saturate from
 * 08:30 Paris time, Pronote and EcoleDirecte slow down, CNED is under attack 09:02–19:30 and slow
 * on the 7th; Nouvelle-Aquitaine, Bretagne and the others stay normal. Baselines ×1.5 on 6–7 April
 * in metropolitan académies (distance learning).
 */
export function scenario2021(): Scenario {
  const metropolitan = listSimAcademies()
    .filter((a) => !a.overseas)
    .map((a) => a.id);
  return {
    name: '2021-04-06',
    outages: [
      entSaturation('monlycee-net', '12:30', 25),
      entSaturation('ent-hauts-de-france', '12:00', 15),
      entSaturation('mon-ent-occitanie', '13:00', 12),
      entSaturation('mon-bureau-numerique', '12:00', 10),
      entSaturation('leduc-de-normandie', '11:30', 6),
      entSaturation('netocentre', '11:45', 5),
      ...NATIONAL_SLOWDOWNS,
      ...CNED,
    ],
    baselineMultipliers: [
      {
        from: Date.parse('2021-04-06T00:00:00+02:00'),
        to: Date.parse('2021-04-08T00:00:00+02:00'),
        factor: 1.5,
        academies: metropolitan,
      },
    ],
  };
}

function toEpoch(at: Date | number): number {
  return typeof at === 'number' ? at : at.getTime();
}

/** One source sending `count` reports over durationMin minutes from `at`: must open no incident. */
export function spamFlood({
  platformId,
  academyId,
  at,
  count,
  durationMin,
}: {
  platformId: string;
  academyId: string;
  at: Date | number;
  count: number;
  durationMin: number;
}): Scenario {
  const spam = [{ platformId, academyId, at: toEpoch(at), count, durationMinutes: durationMin }];
  return { name: `spam-${platformId}-${academyId}`, outages: [], spam };
}

/** A few distinct people (default 3) reporting within spreadMin minutes (default 30), at night. */
export function nightTrickle({
  platformId,
  academyId,
  at,
  count = 3,
  spreadMin = 30,
}: {
  platformId: string;
  academyId: string;
  at: Date | number;
  count?: number;
  spreadMin?: number;
}): Scenario {
  const trickles = [
    { platformId, academyId, at: toEpoch(at), count, spreadMinutes: spreadMin },
  ];
  return { name: `trickle-${platformId}-${academyId}`, outages: [], trickles };
}
