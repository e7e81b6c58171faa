// `npm run ledger:verify`: walks the digest chain, every day's Merkle tree and the report table
// against the ledger; prints what no longer matches and exits 1 if anything does.
// `npm run ledger:digest [-- --today]`: publishes the final digest of every past day still open
// (and the current day so far with --today).
import { parseEnv } from '../lib/config/env-schema';
import { describeLedgerProblem } from '../lib/evidence/ledger-messages';
import { publishDueDigests } from '../lib/evidence/publish';
import { loadSigningKey } from '../lib/evidence/signing-key';
import { verifyLedger } from '../lib/evidence/verify-ledger';
import { connectForScript } from './db-connect';

async function main(): Promise<number> {
  const command = process.argv[2];
  const env = parseEnv(process.env);
  const key = loadSigningKey({ configured: env.LEDGER_SIGNING_KEY, dataDir: env.DATA_DIR });
  const { db, close } = await connectForScript();
  try {
    if (command === 'digest') {
      const digests = await publishDueDigests({ db, key, includeToday: process.argv.includes('--today') });
      for (const d of digests) console.log(`${d.day} ${d.final ? 'final' : 'partiel'} : ${d.entryCount} entrées, racine ${d.root}`);
      if (digests.length === 0) console.log('Aucun jour à sceller.');
      return 0;
    }
    if (command !== 'verify') {
      console.error('Usage : npm run ledger:verify | npm run ledger:digest [-- --today]');
      return 2;
    }
    const report = await verifyLedger(db, key.publicKeyHex);
    console.log(`Clé publique : ${key.publicKeyHex} (${key.keyId})`);
    console.log(`${report.days} jours, ${report.entries} entrées, ${report.digests} condensés vérifiés.`);
    if (report.problems.length === 0) {
      console.log('Registre intact : chaque entrée, chaque arbre de Merkle et la chaîne des condensés correspondent.');
      return 0;
    }
    console.log(`${report.problems.length} problème(s) :`);
    for (const p of report.problems) console.log(`  ✗ ${describeLedgerProblem(p)}`);
    return 1;
  } finally {
    await close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(2);
  },
);
