// `npm run verify:dossier -- dossier.zip [--cle <clé publique hex>]`: checks a dossier offline (no
// server, no network). Named verify:dossier because `npm run verify` is lint + typecheck + test.
import '../lib/evidence/native-hash';
import { accessSync, constants, statSync } from 'node:fs';
import { verifyDossierFile } from '../lib/dossier/verify-file';

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const file = args.find((a, i) => !a.startsWith('--') && args[i - 1] !== '--cle');
  const keyAt = args.indexOf('--cle');
  const publicKeyHex = keyAt >= 0 ? args[keyAt + 1] : undefined;
  if (!file) {
    console.error('Usage : npm run verify:dossier -- dossier.zip [--cle <clé publique publiée sur /preuves>]');
    return 2;
  }
  try {
    accessSync(file, constants.R_OK);
    if (!statSync(file).isFile()) throw new Error('not a file');
  } catch {
    console.error(`Impossible de lire ${file}.`);
    return 2;
  }
  const result = await verifyDossierFile(file, { publicKeyHex });
  for (const line of result.intact) console.log(`✓ ${line}`);
  for (const line of result.problems) console.log(`✗ ${line}`);
  if (!publicKeyHex && result.keyId) {
    console.log(`Comparez l’identifiant de clé ${result.keyId} à celui publié sur la page /preuves de l’instance (ou passez --cle).`);
  }
  console.log(result.ok ? 'Dossier intact.' : 'Dossier NON intact : voir les lignes marquées ✗.');
  return result.ok ? 0 : 1;
}

void main().then((code) => process.exit(code));
