import { ed25519 } from '@noble/curves/ed25519.js';
import { hexToBytes, sha256Hex, utf8ToBytes } from './hash';

/** Short, stable name of a public key: the first 16 hex digits of SHA-256 of its 32 raw bytes. */
export function keyIdOf(publicKeyHex: string): string {
  return sha256Hex(hexToBytes(publicKeyHex)).slice(0, 16);
}

export function base64ToBytes(value: string): Uint8Array {
  const binary = atob(value);
  const out = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) out[i] = binary.charCodeAt(i);
  return out;
}

/** Ed25519 (RFC 8032) check, pure JS so that the browser verifier needs no WebCrypto support. */
export function verifySignature(input: { message: string; signatureBase64: string; publicKeyHex: string }): boolean {
  try {
    return ed25519.verify(base64ToBytes(input.signatureBase64), utf8ToBytes(input.message), hexToBytes(input.publicKeyHex));
  } catch {
    return false;
  }
}
