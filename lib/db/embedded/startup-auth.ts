import { timingSafeEqual } from 'node:crypto';

const PROTOCOL_V3 = 196608;
const PASSWORD_MESSAGE = 0x70; // 'p'

export function isStartup(message: Uint8Array): boolean {
  if (message.length < 8) return false;
  return new DataView(message.buffer, message.byteOffset, message.byteLength).getInt32(4) === PROTOCOL_V3;
}

/** AuthenticationCleartextPassword: the server asks for the password (loopback only, never on a network). */
export function passwordRequest(): Uint8Array {
  const out = Buffer.alloc(9);
  out.write('R', 0);
  out.writeInt32BE(8, 1);
  out.writeInt32BE(3, 5);
  return out;
}

/** The password of a PasswordMessage, or null when the message is something else. */
export function readPassword(message: Uint8Array): string | null {
  if (message[0] !== PASSWORD_MESSAGE || message.length < 6) return null;
  const body = Buffer.from(message.buffer, message.byteOffset + 5, message.byteLength - 5);
  const end = body.indexOf(0);
  return body.subarray(0, end === -1 ? body.length : end).toString('utf8');
}

export function isPasswordCorrect(given: string | null, expected: string): boolean {
  if (given === null) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** A FATAL ErrorResponse (28P01 invalid_password), as PostgreSQL answers a wrong password. */
export function authenticationFailed(): Uint8Array {
  const fields = Buffer.concat(
    [['S', 'FATAL'], ['V', 'FATAL'], ['C', '28P01'], ['M', 'password authentication failed (embedded database)']].map(([code, text]) =>
      Buffer.from(`${code}${text}\0`, 'utf8'),
    ),
  );
  const body = Buffer.concat([fields, Buffer.from([0])]);
  const head = Buffer.alloc(5);
  head.write('E', 0);
  head.writeInt32BE(body.length + 4, 1);
  return Buffer.concat([head, body]);
}
