import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, hexToBytes, utf8ToBytes } from '@noble/hashes/utils.js';

export { bytesToHex, hexToBytes, utf8ToBytes };

type Sha256 = (data: Uint8Array) => Uint8Array;

/** SHA-256 over data fed piece by piece (a file streamed from a ZIP). */
export type Sha256Stream = { update: (data: Uint8Array) => void; hex: () => string };

// Pure JS by default, so that the browser verifier runs the same code; Node swaps in its native
// SHA-256 (lib/evidence/native-hash.ts), about 10× faster on large dossiers. Both give the same bytes.
let implementation: Sha256 = sha256;
let streamImplementation = (): Sha256Stream => {
  const hash = sha256.create();
  return { update: (data) => void hash.update(data), hex: () => bytesToHex(hash.digest()) };
};

export function setSha256Implementation(fn: Sha256, stream?: () => Sha256Stream): void {
  implementation = fn;
  if (stream) streamImplementation = stream;
}

export function createSha256(): Sha256Stream {
  return streamImplementation();
}

export function sha256Bytes(data: Uint8Array): Uint8Array {
  return implementation(data);
}

export function sha256Hex(data: Uint8Array | string): string {
  return bytesToHex(implementation(typeof data === 'string' ? utf8ToBytes(data) : data));
}
