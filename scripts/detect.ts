/*
 * npm run detect -- series.csv [--academie paris]
 * Reads `timestamp,count` rows and prints the alarms of the production detector as JSON
 * ([{ timestamp, score, level }], one per episode at its start). Errors: stderr, exit code 2.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { ACADEMY_TIME_ZONES } from '@/lib/calendar/time-zones';
import { detectCsvSeries } from '@/scripts/lib/series-cli';
import { SeriesCsvError } from '@/scripts/lib/series-csv';

const USAGE = 'usage : npm run detect -- <fichier.csv> [--academie <id>]';

function fail(message: string): never {
  process.stderr.write(`Erreur : ${message}\n`);
  process.exit(2);
}

function readArguments(): { file: string; academyId: string } {
  try {
    const { positionals, values } = parseArgs({
      allowPositionals: true,
      options: { academie: { type: 'string', default: 'paris' } },
    });
    const [file] = positionals;
    if (!file) fail(`fichier CSV manquant\n${USAGE}`);
    return { file, academyId: values.academie ?? 'paris' };
  } catch (error) {
    fail(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
  }
}

function readText(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    fail(`impossible de lire le fichier « ${file} »`);
  }
}

function main(): void {
  const { file, academyId } = readArguments();
  if (!(academyId in ACADEMY_TIME_ZONES)) fail(`académie inconnue « ${academyId} »`);
  const text = readText(file);
  try {
    process.stdout.write(`${JSON.stringify(detectCsvSeries(text, { academyId }), null, 2)}\n`);
  } catch (error) {
    if (error instanceof SeriesCsvError) fail(`${file} : ${error.message}`);
    throw error;
  }
}

main();
