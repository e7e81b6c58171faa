import { canonicalJson, type JsonValue } from '@/lib/domain/canonical-json';

export type ManifestFile = { name: string; sha256: string; bytes: number; lineHashes?: string };

export type ManifestDay = { day: string; file: string; digest: { id: string; body: string; hash: string; signature: string } };

export type DossierFilters = { platforms: string[]; academies: string[]; from: string; to: string; k: number | null };

/** manifest.json: every file's SHA-256, the filters, the ledger days with their signed digests, the key. */
export type Manifest = {
  v: 1;
  title: string;
  notes: string;
  builtAt: string;
  filters: DossierFilters;
  files: ManifestFile[];
  ledger: { publicKey: string; keyId: string; days: ManifestDay[] };
  reports: { file: string; count: number };
  signature?: string;
};

export const MANIFEST_NAME = 'manifest.json';

/** The signed text: the manifest without its signature, as canonical JSON. */
export function manifestSigningText(m: Manifest): string {
  const { signature: _omit, ...rest } = m;
  return canonicalJson(rest as unknown as JsonValue);
}

export function serializeManifest(m: Manifest): string {
  return `${canonicalJson(m as unknown as JsonValue)}\n`;
}
