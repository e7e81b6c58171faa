import { z } from 'zod';

/** Opaque cursor: base64url of a small JSON array; any tampering fails to parse (cursor_invalid). */
export function encodeCursor(parts: ReadonlyArray<string | number>): string {
  return Buffer.from(JSON.stringify(parts)).toString('base64url');
}

const partsSchema = z.array(z.union([z.string().max(120), z.number()])).max(6);

export function decodeCursor(cursor: string): Array<string | number> | null {
  try {
    const parsed = partsSchema.safeParse(JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
