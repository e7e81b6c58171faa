/**
 * Generates lib/geo/data/postal-index.json from @etalab/decoupage-administratif (COG + La Poste
 * postal codes, Licence Ouverte). Run: npx tsx lib/geo/build-postal-index.ts
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import academiesData from './data/academies.json';
import type { CommuneRow, PostalIndex } from './postal-code';

type SourceCommune = {
  code: string;
  nom: string;
  type: string;
  departement: string;
  chefLieu?: string;
  codesPostaux?: string[];
  population?: number;
};

const OUTPUT = fileURLToPath(new URL('./data/postal-index.json', import.meta.url));
const LISTED_TYPES = new Set(['commune-actuelle', 'arrondissement-municipal']);

function readCommunes(): SourceCommune[] {
  const require = createRequire(import.meta.url);
  const path = require.resolve('@etalab/decoupage-administratif/data/communes.json');
  // Trusted package data; the fields used are checked by the loop below.
  return JSON.parse(readFileSync(path, 'utf8')) as SourceCommune[];
}

function departementAcademies(): Record<string, string> {
  const map: Record<string, string> = {};
  for (const row of academiesData.academies) {
    const coms = (row.collectivites_outre_mer ?? []).map((com) => com.code);
    for (const code of [...row.departements, ...coms]) map[code] = row.id;
  }
  return map;
}

function rowsOf(communes: SourceCommune[], departements: Record<string, string>) {
  const current = communes.filter((c) => c.type === 'commune-actuelle');
  const byCode = new Map(current.map((c) => [c.code, c]));
  const currentNames = new Set(current.map((c) => `${c.departement}|${c.nom}`));
  const rows: Array<{ row: CommuneRow; population: number }> = [];
  const seen = new Set<string>();
  for (const commune of communes) {
    if (!(commune.departement in departements)) continue;
    const listed = LISTED_TYPES.has(commune.type);
    // Former communes (communes déléguées) are searchable under their old name with their parent's codes.
    const parent = listed ? commune : byCode.get(commune.chefLieu ?? '');
    const postalCodes = [...new Set(parent?.codesPostaux ?? [])].sort();
    const key = `${commune.departement}|${commune.nom}`;
    if (postalCodes.length === 0 || seen.has(key) || (!listed && currentNames.has(key))) continue;
    seen.add(key);
    rows.push({
      row: [commune.nom, commune.departement, ...postalCodes],
      population: listed ? (commune.population ?? 0) : -1,
    });
  }
  return rows
    .sort((a, b) => b.population - a.population || a.row[0].localeCompare(b.row[0], 'fr'))
    .map((r) => r.row);
}

function postalMap(rows: CommuneRow[]): Record<string, string[]> {
  const map = new Map<string, Set<string>>();
  for (const [, departement, ...codes] of rows) {
    for (const code of codes) map.set(code, (map.get(code) ?? new Set()).add(departement));
  }
  return Object.fromEntries(
    [...map].sort(([a], [b]) => a.localeCompare(b)).map(([code, deps]) => [code, [...deps].sort()]),
  );
}

export function buildPostalIndex(): PostalIndex {
  const departements = departementAcademies();
  const communes = rowsOf(readCommunes(), departements);
  return { v: 1, departements, postal: postalMap(communes), communes };
}

/** One commune per line, so that regenerations diff readably. */
export function serializePostalIndex(index: PostalIndex): string {
  const head = JSON.stringify({
    v: index.v,
    departements: index.departements,
    postal: index.postal,
  });
  const rows = index.communes.map((row) => JSON.stringify(row)).join(',\n');
  return `${head.slice(0, -1)},"communes":[\n${rows}\n]}\n`;
}

const isMain =
  process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href;
if (isMain) {
  const output = serializePostalIndex(buildPostalIndex());
  writeFileSync(OUTPUT, output);
  console.log(`postal-index.json: ${(output.length / 1024).toFixed(0)} KiB`);
}
