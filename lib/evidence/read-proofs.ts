import 'server-only';
import { getDb } from '@/lib/db/client';
import { instanceKey } from './instance-key';
import { listProofs, type ProofsList } from './proofs';

/** The published digests and this instance's public key (for /preuves, its JSON list and its feed). */
export async function readProofs(input: { limit: number; before?: bigint }): Promise<ProofsList> {
  return listProofs(getDb(), { key: instanceKey(), ...input });
}
