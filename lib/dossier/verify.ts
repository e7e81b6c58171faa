import { unzipSync } from 'fflate';
import { parseDigestBody } from '@/lib/evidence/check-ledger';
import { digestHash } from '@/lib/evidence/digest';
import { bytesToHex, hexToBytes, sha256Hex } from '@/lib/evidence/hash';
import { merkleRoot } from '@/lib/evidence/merkle';
import { formatDayFr } from '@/lib/evidence/paris-day';
import { keyIdOf, verifySignature } from '@/lib/evidence/signature';
import { csvLines, parseCsvLine } from './csv';
import { diffLines } from './line-diff';
import { MANIFEST_NAME, manifestSigningText, type Manifest } from './manifest';
import { bodyFromCells, REPORT_COLUMNS } from './report-columns';

export type DossierCheck = { ok: boolean; intact: string[]; problems: string[]; keyId: string | null };

const MAX_LINES_NAMED = 20;
const number = new Intl.NumberFormat('fr-FR');
const n = (value: number) => number.format(value);
const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

/** Unzips a dossier (in memory: the browser verifier uploads nothing) and checks it. */
export function verifyDossierZip(zip: Uint8Array, options: { publicKeyHex?: string } = {}): DossierCheck {
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(zip);
  } catch {
    return { ok: false, intact: [], problems: ['Ce fichier n’est pas une archive ZIP lisible.'], keyId: null };
  }
  return verifyDossierFiles(new Map(Object.entries(files).filter(([name]) => !name.endsWith('/'))), options);
}

/**
 * Checks files against the manifest, the manifest's signature, every ledger day's registre against its
 * signed digest, and every report row against its day's registre. Plain French, one line per finding.
 */
export function verifyDossierFiles(files: ReadonlyMap<string, Uint8Array>, options: { publicKeyHex?: string } = {}): DossierCheck {
  const manifestBytes = files.get(MANIFEST_NAME);
  if (!manifestBytes) return { ok: false, intact: [], problems: ['manifest.json absent : ce n’est pas un dossier vérifiable.'], keyId: null };
  let manifest: Manifest;
  try {
    manifest = JSON.parse(text(manifestBytes)) as Manifest;
    if (!manifest.ledger?.publicKey || !Array.isArray(manifest.files)) throw new Error('shape');
  } catch {
    return { ok: false, intact: [], problems: ['manifest.json illisible ou incomplet.'], keyId: null };
  }
  const intact: string[] = [];
  const problems: string[] = [];
  const key = manifest.ledger.publicKey;
  checkSignature(manifest, key, options.publicKeyHex, intact, problems);
  checkFiles(manifest, files, intact, problems);
  const registres = checkDays(manifest, files, key, intact, problems);
  checkReports(manifest, files, registres, intact, problems);
  return { ok: problems.length === 0, intact, problems, keyId: safeKeyId(key) };
}

function safeKeyId(key: string): string | null {
  try {
    return keyIdOf(key);
  } catch {
    return null;
  }
}

function checkSignature(m: Manifest, key: string, pinned: string | undefined, intact: string[], problems: string[]) {
  if (pinned && pinned.toLowerCase() !== key.toLowerCase()) {
    problems.push(`Le dossier est signé par la clé ${safeKeyId(key) ?? '?'}, qui n’est pas la clé publiée (${safeKeyId(pinned) ?? '?'}).`);
  }
  if (m.signature && verifySignature({ message: manifestSigningText(m), signatureBase64: m.signature, publicKeyHex: key })) {
    intact.push(`Signature Ed25519 du manifeste valide (clé ${safeKeyId(key)}).`);
  } else {
    problems.push('Signature du manifeste invalide : manifest.json a été modifié ou signé avec une autre clé.');
  }
}

function checkFiles(m: Manifest, files: ReadonlyMap<string, Uint8Array>, intact: string[], problems: string[]) {
  const listed = new Set([MANIFEST_NAME, ...m.files.map((f) => f.name)]);
  let unchanged = 0;
  for (const f of m.files) {
    const bytes = files.get(f.name);
    if (!bytes) {
      problems.push(`Fichier ${f.name} absent du dossier.`);
      continue;
    }
    if (sha256Hex(bytes) === f.sha256) {
      unchanged += 1;
      continue;
    }
    const located = f.lineHashes ? locateLines(f.name, text(bytes), files.get(f.lineHashes)) : [];
    problems.push(...(located.length > 0 ? located : [`Fichier ${f.name} modifié (son empreinte SHA-256 ne correspond plus).`]));
  }
  for (const name of files.keys()) if (!listed.has(name)) problems.push(`Fichier ${name} ajouté : absent du manifeste.`);
  if (unchanged > 0) intact.push(`${n(unchanged)} fichier(s) sur ${n(m.files.length)} intacts (SHA-256 conformes au manifeste).`);
}

function locateLines(name: string, content: string, hashesFile: Uint8Array | undefined): string[] {
  if (!hashesFile) return [];
  const changes = diffLines(csvLines(text(hashesFile)), csvLines(content), MAX_LINES_NAMED);
  const word = { changed: 'modifiée', removed: 'supprimée', added: 'ajoutée' } as const;
  return changes.map((c) => `Ligne ${n(c.line)} de ${name} ${word[c.kind]}.`);
}

function checkDays(m: Manifest, files: ReadonlyMap<string, Uint8Array>, key: string, intact: string[], problems: string[]) {
  const registres = new Map<string, string[]>();
  let good = 0;
  for (const d of m.ledger.days) {
    const label = formatDayFr(d.day);
    const body = parseDigestBody(d.digest.body);
    const signed = verifySignature({ message: d.digest.body, signatureBase64: d.digest.signature, publicKeyHex: key });
    if (!body || !signed || digestHash(d.digest.body) !== d.digest.hash || body.day !== d.day) {
      problems.push(`Condensé du registre du ${label} : signature ou contenu invalide.`);
      continue;
    }
    const bytes = files.get(d.file);
    const hashes = bytes ? csvLines(text(bytes)) : [];
    registres.set(d.day, hashes);
    const root = bytesToHex(merkleRoot(hashes.map((h) => hexToBytes(h))));
    if (hashes.length !== body.entryCount || root !== body.root) {
      problems.push(`Registre du ${label} (${d.file}) différent de la racine de Merkle signée ce jour-là.`);
      continue;
    }
    good += 1;
  }
  if (good > 0) intact.push(`${n(good)} jour(s) de registre conformes à leurs condensés signés.`);
  return registres;
}

function checkReports(m: Manifest, files: ReadonlyMap<string, Uint8Array>, registres: Map<string, string[]>, intact: string[], problems: string[]) {
  const bytes = files.get(m.reports.file);
  if (!bytes) return;
  const lines = csvLines(text(bytes));
  if (lines[0] !== REPORT_COLUMNS.join(',')) problems.push(`En-tête de ${m.reports.file} modifié.`);
  let proven = 0;
  let named = 0;
  const flag = (message: string) => {
    if (named++ < MAX_LINES_NAMED) problems.push(message);
  };
  for (let i = 1; i < lines.length; i += 1) {
    const cells = parseCsvLine(lines[i]!);
    const body = bodyFromCells(cells);
    const day = cells[9] ?? '';
    const index = Number(cells[10]);
    const registre = registres.get(day);
    if (!body) flag(`Ligne ${n(i + 1)} de ${m.reports.file} illisible.`);
    else if (!registre || registre[index] !== sha256Hex(body)) {
      flag(`Ligne ${n(i + 1)} de ${m.reports.file} : signalement absent du registre du ${day ? formatDayFr(day) : '?'}.`);
    } else proven += 1;
  }
  if (named > MAX_LINES_NAMED) problems.push(`… et ${n(named - MAX_LINES_NAMED)} autre(s) ligne(s) de ${m.reports.file}.`);
  if (lines.length - 1 !== m.reports.count) {
    problems.push(`${m.reports.file} compte ${n(lines.length - 1)} signalement(s), le manifeste en annonce ${n(m.reports.count)}.`);
  }
  if (proven > 0) intact.push(`${n(proven)} signalement(s) prouvés présents dans le registre (preuve d’inclusion de Merkle).`);
}
