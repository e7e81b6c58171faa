import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { getDb } from '@/lib/db/client';
import type { BytePage } from '@/lib/db/export-encoding';
import { getExportReader } from '@/lib/db/export-reader';
import { csvLine } from '@/lib/export/csv';
import { countPages, reportPages, type RowFormat } from '@/lib/export/pages';
import { reportRow } from '../../helpers/factories';

const db = getDb();
const T0 = Date.parse('2009-11-03T08:00:00Z');
const at = (minutes: number) => new Date(T0 + minutes * 60_000);
const PERIOD = { from: at(0), to: at(600) };
// What people type in a comment: separators, quotes, newlines, a leading '#', controls, a backslash, emoji, nothing.
const COMMENTS = ['simple', 'avec, virgule', 'avec ; point-virgule', 'guillemets "dedans"', 'deux\r\nlignes', '#dièse en tête', 'tab\tet \u0001 contrôle', 'barre \\ oblique \\.', 'é à ç œ 😀 \u2028', '', '\\.'];
const sameInstantIds = [0, 1, 2].map((i) => `00000000-0000-7000-8000-00000000000${i}`);
// 1,200 reports with 500-character comments: one page of about 700 KB, many socket reads.
const LONG_COMMENT = 'Pronote « ne répond plus », élèves; parents, "profs" 😀\r\n'.repeat(10).slice(0, 500);
const BIG_FROM = at(300);
const BIG_TO = at(321);
const format = (encoding: RowFormat['encoding'], delimiter: string): RowFormat => ({ encoding, delimiter });

const reader = getExportReader();

async function collect(pages: AsyncIterable<BytePage>, delimiter: string): Promise<string> {
  const texts: string[] = [];
  for await (const page of pages) texts.push(Buffer.concat(page.bytes).toString('utf8'));
  return texts.join(delimiter);
}

beforeAll(async () => {
  await db.report.createMany({
    data: COMMENTS.map((comment, i) => ({ ...reportRow({ createdAt: at(i), platformId: 'pronote', academyId: i % 2 ? 'lille' : 'paris', role: i % 3 ? 'parent' : null }), comment, commentState: i === 4 ? 'pending' : 'approved' })),
  });
  const sameMs = [0, 1, 2].map((i) => ({ ...reportRow({ createdAt: at(100), platformId: 'pronote', academyId: 'lyon' }), id: sameInstantIds[i] as string }));
  await db.report.createMany({ data: sameMs });
  const big = Array.from({ length: 1200 }, (_, i) => ({ ...reportRow({ createdAt: new Date(BIG_FROM.getTime() + i * 1000), platformId: 'pronote', academyId: 'lille' }), comment: `${i} ${LONG_COMMENT}`, commentState: 'approved' }));
  await db.report.createMany({ data: big });
  const counts = [];
  for (let m = 0; m < 600; m += 13) counts.push({ platformId: 'pronote', academyId: m % 2 ? 'lille' : 'nantes', category: m % 3 ? 'slow' : 'login', bucketStart: at(m), reports: m + 1, reporters: (m % 4) + 1 });
  await db.reportCategoryCount.createMany({ data: counts });
});

afterAll(async () => {
  await db.report.deleteMany({ where: { createdAt: { gte: PERIOD.from, lt: PERIOD.to } } });
  await db.reportCategoryCount.deleteMany({ where: { bucketStart: { gte: PERIOD.from, lt: PERIOD.to } } });
});

async function publicReports(from = at(0), to = at(50)) {
  const rows = await db.report.findMany({ where: { createdAt: { gte: from, lt: to } }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] });
  return rows.map((r) => ({ id: r.id, date: r.createdAt.toISOString(), plateforme: r.platformId, academie: r.academyId, probleme: r.category, role: r.role, commentaire: r.commentState === 'approved' ? r.comment : null }));
}

describe('rows written out by the database, read as bytes (binary COPY through the export reader)', () => {
  test.each([',', ';'] as const)('CSV with %s is byte for byte what lib/export/csv.ts writes, whatever the comment', async (separator) => {
    const text = await collect(reportPages(reader, { from: at(0), to: at(50) }, format({ kind: 'csv', separator }, ''), 4), '');
    expect(text).toBe((await publicReports()).map((r) => csvLine(Object.values(r), separator)).join(''));
  });

  test('JSON rows are byte for byte JSON.stringify of the public fields, in order', async () => {
    const text = await collect(reportPages(reader, { from: at(0), to: at(50) }, format({ kind: 'json' }, '\n'), 3), '\n');
    expect(text).toBe((await publicReports()).map((r) => JSON.stringify(r)).join('\n'));
  });

  test('counts as CSV and JSON equal the stored minute counts', async () => {
    const rows = await db.reportCategoryCount.findMany({ where: { bucketStart: { gte: PERIOD.from, lt: PERIOD.to } }, orderBy: [{ bucketStart: 'asc' }, { platformId: 'asc' }, { academyId: 'asc' }, { category: 'asc' }] });
    const expected = rows.map((r) => ({ debut: r.bucketStart.toISOString(), plateforme: r.platformId, academie: r.academyId, probleme: r.category, signalements: r.reports, signalants: r.reporters }));
    const filter = { ...PERIOD, bucket: '1min' as const };
    expect(await collect(countPages(reader, filter, format({ kind: 'csv', separator: ';' }, ''), 5), '')).toBe(expected.map((r) => csvLine(Object.values(r), ';')).join(''));
    expect(await collect(countPages(reader, filter, format({ kind: 'json' }, ','), 5), ',')).toBe(expected.map((r) => JSON.stringify(r)).join(','));
  });

  test('pages of one row read reports of the same instant once each, in id order', async () => {
    const text = await collect(reportPages(reader, { from: at(100), to: at(101) }, format({ kind: 'json' }, '\n'), 1), '\n');
    const ids = text.split('\n').map((l) => (JSON.parse(l) as { id: string }).id);
    expect(ids).toEqual(sameInstantIds);
  });

  test('a page larger than a socket read arrives as several buffers, joined byte for byte', async () => {
    const pages: BytePage[] = [];
    for await (const page of reportPages(reader, { from: BIG_FROM, to: BIG_TO }, format({ kind: 'csv', separator: ';' }, ''))) pages.push(page);
    expect(pages).toHaveLength(1);
    expect(pages[0]?.rows).toBe(1200);
    expect(pages[0]?.bytes.length).toBeGreaterThan(1);
    const expected = (await publicReports(BIG_FROM, BIG_TO)).map((r) => csvLine(Object.values(r), ';')).join('');
    expect(Buffer.concat(pages[0]?.bytes ?? []).equals(Buffer.from(expected))).toBe(true);
    const json = await collect(reportPages(reader, { from: BIG_FROM, to: BIG_TO }, format({ kind: 'json' }, ',\n'), 500), ',\n');
    expect(json).toBe((await publicReports(BIG_FROM, BIG_TO)).map((r) => JSON.stringify(r)).join(',\n'));
  });
});
