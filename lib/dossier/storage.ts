import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** DATA_DIR/dossiers/<uuid>.zip; the id is checked so that no other path can be formed. */
export function dossierPath(dataDir: string, id: string): string {
  if (!UUID.test(id)) throw new Error('invalid dossier id');
  return path.join(dataDir, 'dossiers', `${id}.zip`);
}

export async function writeDossierZip(dataDir: string, id: string, zip: Uint8Array): Promise<void> {
  await mkdir(path.join(dataDir, 'dossiers'), { recursive: true, mode: 0o700 });
  await writeFile(dossierPath(dataDir, id), zip, { mode: 0o600 });
}

export async function readDossierZip(dataDir: string, id: string): Promise<Uint8Array | null> {
  try {
    return new Uint8Array(await readFile(dossierPath(dataDir, id)));
  } catch {
    return null;
  }
}

export async function deleteDossierZip(dataDir: string, id: string): Promise<void> {
  await rm(dossierPath(dataDir, id), { force: true });
}
