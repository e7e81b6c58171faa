// One dossier verification in a fresh process (started by bench/dossier.ts), so its peak RSS is its own:
// `streamed` is `npm run verify:dossier` (verifyDossierFile), `memory` the whole ZIP read and unzipped in
// memory (the browser verifier, and the command line before streaming). Prints one JSON line.
import '../../lib/evidence/native-hash';
import { readFileSync } from 'node:fs';
import { verifyDossierZip } from '../../lib/dossier/verify';
import { verifyDossierFile } from '../../lib/dossier/verify-file';

async function main() {
  const [mode, file] = process.argv.slice(2);
  if ((mode !== 'streamed' && mode !== 'memory') || !file) throw new Error('usage: verify-child.ts streamed|memory <zip>');
  const startRssMb = Math.round(process.memoryUsage().rss / 2 ** 20);
  // Sampled, not getrusage's maxRSS: Linux carries maxRSS over fork and exec, so it would start at the bench's own size.
  let peak = 0;
  const sample = () => void (peak = Math.max(peak, process.memoryUsage().rss));
  const timer = setInterval(sample, 20);
  const start = performance.now();
  const check = mode === 'streamed' ? await verifyDossierFile(file) : await verifyDossierZip(readFileSync(file));
  const seconds = (performance.now() - start) / 1000;
  sample();
  clearInterval(timer);
  const peakRssMb = Math.round(peak / 2 ** 20);
  console.log(JSON.stringify({ mode, seconds, startRssMb, peakRssMb, ok: check.ok, problem: check.problems[0] ?? null }));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
