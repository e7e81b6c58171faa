import { peerHeaderValue } from '@/lib/http/peer';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { GET as countsExport } from '@/app/api/v1/exports/comptages/route';
import { GET as reportsExport } from '@/app/api/v1/exports/signalements/route';
import { getDb } from '@/lib/db/client';
import { getExportReader } from '@/lib/db/export-reader';
import { csvLine, parseCsv } from '@/lib/export/csv';
import { countPages, reportPages, type RowFormat } from '@/lib/export/pages';
import { reportRow } from '../../helpers/factories';
import { nextIp } from '../../helpers/requests';

const db = getDb();
const reader = getExportReader();
const decoded = (bytes: Uint8Array[]) => Buffer.concat(bytes).toString('utf8');
const T0 = Date.parse('2013-05-14T07:00:00Z');
const at = (minutes: number) => new Date(T0 + minutes * 60_000);
const PERIOD = 'de=2013-05-14T07:00:00Z&a=2013-05-14T13:00:00Z';
const CATEGORIES = ['login', 'slow', 'unreachable'] as const;
const CSV_ROWS: RowFormat = { encoding: { kind: 'csv', separator: ',' }, delimiter: '' };
const PAIRS = [['pronote', 'lille'], ['pronote', 'paris'], ['cned-ma-classe-a-la-maison', 'lyon']] as const;

function get(handler: typeof countsExport, path: string, query: string): Promise<Response> {
  const headers = { host: 'localhost:3000', 'x-ecole-peer': peerHeaderValue(nextIp()), 'user-agent': 'vitest' };
  return handler(new Request(`http://localhost:3000${path}?${query}`, { headers }), undefined);
}

async function expectedCounts(minutes: number) {
  const rows = await db.reportCategoryCount.findMany({ where: { bucketStart: { gte: at(0), lt: at(360) } } });
  const sums = new Map<string, { reports: number; reporters: number }>();
  for (const r of rows) {
    const bucket = new Date(Math.floor(r.bucketStart.getTime() / (minutes * 60_000)) * minutes * 60_000).toISOString();
    const key = [bucket, r.platformId, r.academyId, r.category].join('|');
    const s = sums.get(key) ?? { reports: 0, reporters: 0 };
    sums.set(key, { reports: s.reports + r.reports, reporters: s.reporters + r.reporters });
  }
  return [...sums].map(([k, v]) => [...k.split('|'), String(v.reports), String(v.reporters)]).sort((a, b) => a.join().localeCompare(b.join()));
}

beforeAll(async () => {
  const counts = [];
  for (let m = 0; m < 360; m += 7) {
    for (const [platformId, academyId] of PAIRS) {
      for (const category of CATEGORIES) counts.push({ platformId, academyId, category, bucketStart: at(m), reports: (m % 5) + 1, reporters: (m % 3) + 1 });
    }
  }
  await db.reportCategoryCount.createMany({ data: counts });
  const comment = (text: string, state: string) => ({ comment: text, commentState: state });
  await db.report.createMany({
    data: [
      { ...reportRow({ createdAt: at(1), platformId: 'pronote', academyId: 'lille' }), ...comment('Approuvé ; avec "guillemets", virgule\net ligne', 'approved') },
      { ...reportRow({ createdAt: at(2), platformId: 'pronote', academyId: 'paris' }), ...comment('en attente : numéro 06 12 34 56 78', 'pending') },
      { ...reportRow({ createdAt: at(3), platformId: 'pronote', academyId: 'paris' }), ...comment('masqué', 'hidden') },
      { ...reportRow({ createdAt: at(4), platformId: 'pronote', academyId: 'lille' }), moderationState: 'hidden', counted: false },
      { ...reportRow({ createdAt: at(5), platformId: 'pronote', academyId: 'lille' }), counted: false, flagReason: 'flood' },
      ...Array.from({ length: 12 }, (_, i) => reportRow({ createdAt: at(10 + i), platformId: 'cned-ma-classe-a-la-maison', academyId: 'lyon', role: 'parent' })),
    ],
  });
});

afterAll(async () => {
  await db.reportCategoryCount.deleteMany({ where: { bucketStart: { gte: at(0), lt: at(360) } } });
  await db.report.deleteMany({ where: { createdAt: { gte: at(0), lt: at(360) } } });
});

async function publicReports() {
  const rows = await db.report.findMany({ where: { createdAt: { gte: at(0), lt: at(360) }, counted: true, moderationState: { not: 'hidden' } }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] });
  return rows.map((r) => [r.id, r.createdAt.toISOString(), r.platformId, r.academyId, r.category, r.role ?? '', r.commentState === 'approved' ? (r.comment ?? '') : '']);
}

async function publicReportObjects() {
  const rows = await db.report.findMany({ where: { createdAt: { gte: at(0), lt: at(360) }, counted: true, moderationState: { not: 'hidden' } }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] });
  return rows.map((r) => ({ id: r.id, date: r.createdAt.toISOString(), plateforme: r.platformId, academie: r.academyId, probleme: r.category, role: r.role, commentaire: r.commentState === 'approved' ? r.comment : null }));
}

describe('GET /api/v1/exports/comptages', () => {
  test.each([
    ['15min', 15, 'virgule', ','],
    ['1h', 60, 'point-virgule', ';'],
  ] as const)('CSV with %s buckets and %s separator reads back as the database sums, with BOM, licence and citation', async (pas, minutes, separateur, separator) => {
    const res = await get(countsExport, '/api/v1/exports/comptages', `${PERIOD}&pas=${pas}&format=csv&bom=1&separateur=${separateur}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await res.arrayBuffer());
    expect(text.charCodeAt(0)).toBe(0xfeff);
    expect(text).toMatch(/^\uFEFF# Source : École en panne( \(.+\))?, signalements participatifs, extraits le .+\r\n# Licence : Licence Ouverte/);
    const [header, ...rows] = parseCsv(text, separator);
    expect(header).toEqual(['debut', 'plateforme', 'academie', 'probleme', 'signalements', 'signalants']);
    expect(rows.sort((a, b) => a.join().localeCompare(b.join()))).toEqual(await expectedCounts(minutes));
  });

  test('NDJSON: a meta line then one object per row, equal to the database sums', async () => {
    const res = await get(countsExport, '/api/v1/exports/comptages', `${PERIOD}&pas=1h&format=ndjson`);
    const lines = (await res.text()).trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines[0]).toMatchObject({ meta: { licence: expect.stringContaining('Licence Ouverte'), citation: expect.stringContaining('Source : École en panne') } });
    const rows = lines.slice(1).map((r) => [r.debut, r.plateforme, r.academie, r.probleme, String(r.signalements), String(r.signalants)]);
    expect(rows.sort((a, b) => a.join().localeCompare(b.join()))).toEqual(await expectedCounts(60));
  });

  test('JSON and GeoJSON carry the same rows; GeoJSON joins them to académie polygons', async () => {
    const json = (await (await get(countsExport, '/api/v1/exports/comptages', `${PERIOD}&pas=1j&format=json`)).json()) as { meta: { licence: string }; items: Array<{ signalements: number }> };
    const geoRes = await get(countsExport, '/api/v1/exports/comptages', `${PERIOD}&pas=1j&format=geojson`);
    expect(geoRes.headers.get('content-type')).toBe('application/geo+json; charset=utf-8');
    const geo = (await geoRes.json()) as { type: string; licence: string; citation: string; features: Array<{ geometry: { type: string }; properties: { academie: string; rows: Array<{ signalements: number }> } }> };
    expect(geo.type).toBe('FeatureCollection');
    expect(geo.licence).toContain('Licence Ouverte');
    expect(geo.citation).toContain('Source : École en panne');
    expect(geo.features).toHaveLength(30);
    expect(geo.features.every((f) => ['Polygon', 'MultiPolygon'].includes(f.geometry.type))).toBe(true);
    const total = (rows: Array<{ signalements: number }>) => rows.reduce((s, r) => s + r.signalements, 0);
    const dbTotal = (await db.reportCategoryCount.aggregate({ where: { bucketStart: { gte: at(0), lt: at(360) } }, _sum: { reports: true } }))._sum.reports;
    expect(total(json.items)).toBe(dbTotal);
    expect(total(geo.features.flatMap((f) => f.properties.rows))).toBe(dbTotal);
    expect(geo.features.find((f) => f.properties.academie === 'paris')?.properties.rows.length).toBeGreaterThan(0);
    expect(geo.features.find((f) => f.properties.academie === 'corse')?.properties.rows).toEqual([]);
  });

  test('pages of 7 rows give exactly the rows of one page of 100 000 (keyset and time slices)', async () => {
    const filter = { from: at(0), to: at(360), bucket: '15min' as const };
    const small: string[] = [];
    for await (const page of countPages(reader, filter, CSV_ROWS, 7)) small.push(decoded(page.bytes));
    const big: string[] = [];
    for await (const page of countPages(reader, filter, CSV_ROWS, 100_000)) big.push(decoded(page.bytes));
    expect(small.join('')).toBe(big.join(''));
    expect(small.length).toBeGreaterThan(1);
    expect(parseCsv(small.join(''), ',').length).toBe((await expectedCounts(15)).length);
  });
});

describe('GET /api/v1/exports/signalements', () => {
  test('CSV: counted, visible reports only; only the approved comment is published', async () => {
    const res = await get(reportsExport, '/api/v1/exports/signalements', `${PERIOD}&format=csv`);
    const [header, ...rows] = parseCsv(await res.text(), ',');
    expect(header).toEqual(['id', 'date', 'plateforme', 'academie', 'probleme', 'role', 'commentaire']);
    expect(rows).toEqual(await publicReports());
    expect(rows.map((r) => r[6]).filter(Boolean)).toEqual(['Approuvé ; avec "guillemets", virgule\net ligne']);
  });

  test('NDJSON, JSON and GeoJSON hold the same reports; pages of 5 equal one page', async () => {
    const expected = await publicReports();
    const ndjson = (await (await get(reportsExport, '/api/v1/exports/signalements', `${PERIOD}&format=ndjson`)).text()).trim().split('\n').slice(1).map((l) => JSON.parse(l) as { id: string });
    const json = (await (await get(reportsExport, '/api/v1/exports/signalements', `${PERIOD}&format=json`)).json()) as { items: Array<{ id: string; commentaire: string | null }> };
    const geo = (await (await get(reportsExport, '/api/v1/exports/signalements', `${PERIOD}&format=geojson&plateforme=cned-ma-classe-a-la-maison`)).json()) as { features: Array<{ properties: { rows: unknown[] } }> };
    expect(ndjson.map((r) => r.id)).toEqual(expected.map((r) => r[0]));
    expect(json.items.map((r) => r.id)).toEqual(expected.map((r) => r[0]));
    expect(json.items.filter((r) => r.commentaire !== null)).toHaveLength(1);
    expect(geo.features.flatMap((f) => f.properties.rows)).toHaveLength(12);
    const paged: string[] = [];
    for await (const page of reportPages(reader, { from: at(0), to: at(360) }, CSV_ROWS, 5)) paged.push(decoded(page.bytes));
    expect(paged.length).toBeGreaterThan(1);
    expect(parseCsv(paged.join(''), ',')).toEqual(expected);
  });

  test('every format is, byte for byte, its framing around csvLine or JSON.stringify of each row', async () => {
    const rows = await publicReportObjects();
    const body = async (query: string) => Buffer.from(await (await get(reportsExport, '/api/v1/exports/signalements', `${PERIOD}&${query}`)).arrayBuffer());
    const lines = (objects: typeof rows, delimiter: string) => objects.map((r) => JSON.stringify(r)).join(delimiter);

    const csv = await body('format=csv&bom=1&separateur=point-virgule');
    const preamble = csv.toString('utf8').split('\r\n').slice(0, 2).join('\r\n');
    expect(preamble.startsWith('\uFEFF# Source : ')).toBe(true);
    expect(csv.toString('utf8')).toBe(`${preamble}\r\n${csvLine(Object.keys(rows[0] ?? {}), ';')}${rows.map((r) => csvLine(Object.values(r), ';')).join('')}`);

    const ndjson = (await body('format=ndjson')).toString('utf8');
    expect(ndjson).toBe(`${ndjson.split('\n')[0]}\n${lines(rows, '\n')}\n`);

    const json = (await body('format=json')).toString('utf8');
    const { meta } = JSON.parse(json) as { meta: unknown };
    expect(json).toBe(`{"meta":${JSON.stringify(meta)},"items":[\n${lines(rows, ',\n')}\n]}\n`);

    const geojson = (await body('format=geojson')).toString('utf8');
    const geo = JSON.parse(geojson) as { licence: string; licenceUrl: string; citation: string; features: Array<{ geometry: unknown; properties: { academie: string; nom: string } }> };
    const features = geo.features.map((f) => {
      const own = rows.filter((r) => r.academie === f.properties.academie);
      return `{"type":"Feature","geometry":${JSON.stringify(f.geometry)},"properties":${JSON.stringify({ academie: f.properties.academie, nom: f.properties.nom }).slice(0, -1)},"rows":[${lines(own, ',')}]}}`;
    });
    expect(features.filter((f) => !f.endsWith('"rows":[]}}'))).toHaveLength(new Set(rows.map((r) => r.academie)).size);
    expect(geojson).toBe(`{"type":"FeatureCollection","licence":${JSON.stringify(geo.licence)},"licenceUrl":${JSON.stringify(geo.licenceUrl)},"citation":${JSON.stringify(geo.citation)},"features":[\n${features.join(',\n')}\n]}\n`);
  });
});
