// `npm run simulate -- [options]`: realistic report traffic (background + scenarios), written straight
// into the database (default) or sent through the public API (--target api --api-url …). See --help.
import { parseSimulateArgs } from './lib/simulate-args';
import { scenariosFor } from './lib/simulate-scenarios';
import { simulateIter } from '../lib/simulate/generate';
import { driveApi } from '../lib/simulate/io/drive-api';
import { writeSimulatedReports } from '../lib/simulate/io/write-db';
import { connectForScript } from './db-connect';

async function main() {
  const parsed = parseSimulateArgs(process.argv.slice(2));
  if (parsed.status === 'help') {
    console.log(parsed.usage);
    return;
  }
  if (parsed.status === 'error') {
    console.error(`${parsed.error}\n\n${parsed.usage}`);
    process.exit(2);
  }
  const options = parsed.options;
  const scenarios = scenariosFor(options);
  const reports = simulateIter({ start: options.start, end: options.end, seed: options.seed, scale: options.scale, scenarios });
  console.log(
    `Simulation ${options.start.toISOString()} → ${options.end.toISOString()}, scénario ${options.scenario}, graine ${options.seed}, échelle ${options.scale}`,
  );
  if (options.target === 'api') {
    const result = await driveApi(reports, { apiUrl: options.apiUrl ?? '', rate: options.rate });
    console.log(`API : ${result.sent} envoyés, ${result.accepted} acceptés, ${result.refused} refusés (429/503), ${result.failed} en erreur.`);
    return;
  }
  const { db, close } = await connectForScript();
  try {
    const started = Date.now();
    const result = await writeSimulatedReports(db, reports, { seed: options.seed });
    console.log(`Base : ${result.written} signalements écrits (${result.counted} comptés) en ${((Date.now() - started) / 1000).toFixed(1)} s.`);
  } finally {
    await close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
