import { createHash } from 'node:crypto';
import { setSha256Implementation } from './hash';

/** Imported for its effect by server code and scripts: native SHA-256 for ledger, Merkle and file hashes. */
setSha256Implementation(
  (data) => new Uint8Array(createHash('sha256').update(data).digest()),
  () => {
    const hash = createHash('sha256');
    return { update: (data) => void hash.update(data), hex: () => hash.digest('hex') };
  },
);
