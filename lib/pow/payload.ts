import { z } from 'zod';
import { POW_PAYLOAD_MAX_LENGTH } from './thresholds';

const hex = z.string().regex(/^[0-9a-f]+$/i);

// Loose objects: unknown keys must survive parsing so that the signature check sees them.
const payloadSchema = z.object({
  challenge: z.looseObject({
    parameters: z.looseObject({
      algorithm: z.string(),
      nonce: hex,
      salt: hex,
      cost: z.number().int().positive(),
      keyLength: z.number().int().positive(),
      keyPrefix: hex,
      keySignature: hex.optional(),
      memoryCost: z.number().int().positive().optional(),
      parallelism: z.number().int().positive().optional(),
      expiresAt: z.number().positive(),
      data: z
        .record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()]))
        .optional(),
    }),
    signature: hex,
  }),
  solution: z.object({
    counter: z.number().int().nonnegative(),
    derivedKey: hex,
    time: z.number().optional(),
  }),
});

export type PowPayload = z.infer<typeof payloadSchema>;

/** Decodes the base64 JSON payload the altcha widget submits; null when it is not one. */
export function parsePowPayload(encoded: string): PowPayload | null {
  if (encoded.length > POW_PAYLOAD_MAX_LENGTH) return null;
  try {
    const json: unknown = JSON.parse(Buffer.from(encoded, 'base64').toString('utf8'));
    const parsed = payloadSchema.safeParse(json);
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** Encodes a challenge and its solution the way the widget does (used by tests and tools). */
export function encodePowPayload(payload: PowPayload): string {
  return Buffer.from(JSON.stringify(payload)).toString('base64');
}
