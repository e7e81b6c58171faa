import { unzipSync } from 'fflate';
import { parseDigestBody } from '@/lib/evidence/check-ledger';
import { digestHash } from '@/lib/evidence/digest';
import { bytesToHex, createSha256, hexToBytes, sha256Hex } from '@/lib/evidence/hash';
import { createMerkleAccumulator } from '@/lib/evidence/merkle';
import { formatDayFr } from '@/lib/evidence/paris-day';
import { keyIdOf, verifySignature } from '@/lib/evidence/signature';
import { ArchiveReadError, drain, eachLine, memoryArchive, memoryRegistre, readAll, textLines, type DossierArchive, type RegistreStore } from './archive';
import { parseCsvLine } from './csv';
import { diffLines } from './line-diff';
import { MANIFEST_NAME, manifestSigningText, type Manifest } from './manifest';
import { bodyFromCells, REPORT_COLUMNS } from './report-columns';

export type DossierCheck = { ok: boolean; intact: string[]; problems: string[]; keyId: string | null };

export type VerifyOptions = {
  publicKeyHex?: string;
  /** Where each ledger day's registre is kept while the reports are checked (memory by default). */
  registre?: () => RegistreStore;
};

type Findings = { archive: DossierArchive; names: ReadonlySet<string>; intact: string[]; problems: string[] };

const MAX_LINES_NAMED = 20;
const number = new Intl.NumberFormat('fr-FR');
const n = (value: number) => number.format(value);
const failed = (problem: string): DossierCheck => ({ ok: false, intact: [], problems: [problem], keyId: null });
const UNREADABLE = 'Ce fichier n’est pas une archive ZIP lisible.';

/** Unzips a dossier in memory (the browser verifier uploads nothing) and checks it. */
export async function verifyDossierZip(zip: Uint8Array, options: VerifyOptions = {}): Promise<DossierCheck> {
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(zip);
  } catch {
    return failed(UNREADABLE);
  }
  return verifyDossierArchive(memoryArchive(files), options);
}

/**
 * Checks files against the manifest, the manifest's signature, every ledger day's registre against its
 * signed digest, and every report row against its day's registre. Plain French, one line per finding.
 * Entries are read as streams, so memory does not grow with the dossier beyond the registre store.
 */
export async function verifyDossierArchive(archive: DossierArchive, options: VerifyOptions = {}): Promise<DossierCheck> {
  const names = new Set(archive.names);
  try {
    return await checkArchive({ archive, names, intact: [], problems: [] }, options);
  } catch (error) {
    if (error instanceof ArchiveReadError) return failed(UNREADABLE);
    throw error;
  }
}

async function checkArchive(found: Findings, options: VerifyOptions): Promise<DossierCheck> {
  const { archive, names, intact, problems } = found;
  if (!names.has(MANIFEST_NAME)) return drainedThen(archive, failed('manifest.json absent : ce n’est pas un dossier vérifiable.'));
  let manifest: Manifest;
  try {
    manifest = JSON.parse(new TextDecoder().decode(await readAll(archive.read(MANIFEST_NAME)))) as Manifest;
    if (!manifest.ledger?.publicKey || !Array.isArray(manifest.files)) throw new Error('shape');
  } catch (error) {
    if (error instanceof ArchiveReadError) throw error;
    return drainedThen(archive, failed('manifest.json illisible ou incomplet.'));
  }
  const key = manifest.ledger.publicKey;
  checkSignature(manifest, key, options.publicKeyHex, intact, problems);
  await checkFiles(manifest, found);
  const registres = await checkDays(manifest, found, key, options.registre ?? memoryRegistre);
  await checkReports(manifest, found, registres);
  return { ok: problems.length === 0, intact, problems, keyId: safeKeyId(key) };
}

/** Reads every entry before answering, so an archive that cannot be read says so whatever else is wrong. */
async function drainedThen(archive: DossierArchive, check: DossierCheck): Promise<DossierCheck> {
  for (const name of archive.names) await drain(archive.read(name));
  return check;
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

async function checkFiles(m: Manifest, { archive, names, intact, problems }: Findings) {
  const listed = new Set([MANIFEST_NAME, ...m.files.map((f) => f.name)]);
  let unchanged = 0;
  for (const f of m.files) {
    if (!names.has(f.name)) {
      problems.push(`Fichier ${f.name} absent du dossier.`);
      continue;
    }
    const hash = createSha256();
    for await (const chunk of archive.read(f.name)) hash.update(chunk);
    if (hash.hex() === f.sha256) {
      unchanged += 1;
      continue;
    }
    const located = f.lineHashes && names.has(f.lineHashes) ? await locateLines(archive, f.name, f.lineHashes) : [];
    problems.push(...(located.length > 0 ? located : [`Fichier ${f.name} modifié (son empreinte SHA-256 ne correspond plus).`]));
  }
  for (const name of archive.names) {
    if (listed.has(name)) continue;
    await drain(archive.read(name));
    problems.push(`Fichier ${name} ajouté : absent du manifeste.`);
  }
  if (unchanged > 0) intact.push(`${n(unchanged)} fichier(s) sur ${n(m.files.length)} intacts (SHA-256 conformes au manifeste).`);
}

async function locateLines(archive: DossierArchive, name: string, hashesFile: string): Promise<string[]> {
  const changes = await diffLines(eachLine(archive.read(hashesFile)), eachLine(archive.read(name)), MAX_LINES_NAMED);
  const word = { changed: 'modifiée', removed: 'supprimée', added: 'ajoutée' } as const;
  return changes.map((c) => `Ligne ${n(c.line)} de ${name} ${word[c.kind]}.`);
}

/** Streams a registre into its store and recomputes its Merkle root (null when a line is not hex). */
async function readRegistre(archive: DossierArchive, file: string | null, store: RegistreStore): Promise<{ count: number; root: string | null }> {
  const tree = createMerkleAccumulator();
  let count = 0;
  let hex = true;
  if (file) {
    for await (const lines of textLines(archive.read(file))) {
      for (const line of lines) {
        store.push(line);
        count += 1;
        if (!hex) continue;
        try {
          tree.push(hexToBytes(line));
        } catch {
          hex = false;
        }
      }
    }
  }
  return { count, root: hex ? bytesToHex(tree.root()) : null };
}

async function checkDays(m: Manifest, { archive, names, intact, problems }: Findings, key: string, createStore: () => RegistreStore) {
  const registres = new Map<string, RegistreStore>();
  let good = 0;
  for (const d of m.ledger.days) {
    const label = formatDayFr(d.day);
    const body = parseDigestBody(d.digest.body);
    const signed = verifySignature({ message: d.digest.body, signatureBase64: d.digest.signature, publicKeyHex: key });
    if (!body || !signed || digestHash(d.digest.body) !== d.digest.hash || body.day !== d.day) {
      problems.push(`Condensé du registre du ${label} : signature ou contenu invalide.`);
      continue;
    }
    const store = createStore();
    const { count, root } = await readRegistre(archive, names.has(d.file) ? d.file : null, store);
    registres.set(d.day, store);
    if (count !== body.entryCount || root !== body.root) {
      problems.push(`Registre du ${label} (${d.file}) différent de la racine de Merkle signée ce jour-là.`);
      continue;
    }
    good += 1;
  }
  if (good > 0) intact.push(`${n(good)} jour(s) de registre conformes à leurs condensés signés.`);
  return registres;
}

async function checkReports(m: Manifest, { archive, names, intact, problems }: Findings, registres: ReadonlyMap<string, RegistreStore>) {
  if (!names.has(m.reports.file)) return;
  const header = REPORT_COLUMNS.join(',');
  let lines = 0;
  let proven = 0;
  let named = 0;
  const flag = (message: string) => {
    if (named++ < MAX_LINES_NAMED) problems.push(message);
  };
  for await (const batch of textLines(archive.read(m.reports.file))) {
    for (const line of batch) {
      if (lines++ === 0) {
        if (line !== header) problems.push(`En-tête de ${m.reports.file} modifié.`);
        continue;
      }
      const cells = parseCsvLine(line);
      const body = bodyFromCells(cells);
      const day = cells[9] ?? '';
      const registre = registres.get(day);
      if (!body) flag(`Ligne ${n(lines)} de ${m.reports.file} illisible.`);
      else if (!registre || !registre.has(Number(cells[10]), sha256Hex(body))) {
        flag(`Ligne ${n(lines)} de ${m.reports.file} : signalement absent du registre du ${day ? formatDayFr(day) : '?'}.`);
      } else proven += 1;
    }
  }
  if (lines === 0) problems.push(`En-tête de ${m.reports.file} modifié.`);
  if (named > MAX_LINES_NAMED) problems.push(`… et ${n(named - MAX_LINES_NAMED)} autre(s) ligne(s) de ${m.reports.file}.`);
  if (lines - 1 !== m.reports.count) {
    problems.push(`${m.reports.file} compte ${n(lines - 1)} signalement(s), le manifeste en annonce ${n(m.reports.count)}.`);
  }
  if (proven > 0) intact.push(`${n(proven)} signalement(s) prouvés présents dans le registre (preuve d’inclusion de Merkle).`);
}
