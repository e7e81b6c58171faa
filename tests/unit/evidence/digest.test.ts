import { describe, expect, test } from 'vitest';
import { generateKeyPairSync } from 'node:crypto';
import { checkDigestRoot, checkDigestSeal, findChangedEntries } from '@/lib/evidence/check-ledger';
import { reportEntryBody } from '@/lib/evidence/entries';
import { sha256Hex } from '@/lib/evidence/hash';
import { sealDay } from '@/lib/evidence/publish';
import { keyFromSeed } from '@/lib/evidence/signing-key';
import { verifySignature } from '@/lib/evidence/signature';

const key = keyFromSeed(Buffer.alloc(32, 7).toString('base64'));
const other = keyFromSeed(Buffer.alloc(32, 9).toString('base64'));
const now = new Date('2021-04-06T22:00:00Z');
const hashes = ['a', 'b', 'c'].map((x) => sha256Hex(x));
const facts = { day: '2021-04-06', entryHashes: hashes, kinds: ['report', 'report', 'moderation'], lastSeq: 12n, prevHash: null };

describe('reportEntryBody', () => {
  test('is canonical JSON with sorted keys and no spaces', () => {
    const body = reportEntryBody({ id: 'x', at: '2021-04-06T07:02:00.000Z', observedAt: null, platform: 'pronote', academy: 'lille', category: 'login', role: null, counted: true, flag: null });
    expect(body).toBe('{"academy":"lille","at":"2021-04-06T07:02:00.000Z","category":"login","counted":true,"flag":null,"id":"x","kind":"report","observedAt":null,"platform":"pronote","role":null,"v":1}');
  });
});

describe('sealDay', () => {
  test('signs the day: counts per kind, root, chain link, key id', () => {
    const sealed = sealDay({ facts, final: true, key, now });
    const body = JSON.parse(sealed.body);
    expect(body).toMatchObject({ day: '2021-04-06', final: true, entryCount: 3, lastSeq: '12', prev: null, counts: { report: 2, moderation: 1, incident: 0 }, key: key.keyId });
    expect(verifySignature({ message: sealed.body, signatureBase64: sealed.signature, publicKeyHex: key.publicKeyHex })).toBe(true);
    expect(verifySignature({ message: sealed.body, signatureBase64: sealed.signature, publicKeyHex: other.publicKeyHex })).toBe(false);
  });

  test('the same key seed always gives the same public key (Node signs, noble verifies)', () => {
    expect(keyFromSeed(Buffer.alloc(32, 7).toString('base64')).publicKeyHex).toBe(key.publicKeyHex);
    const { privateKey } = generateKeyPairSync('ed25519');
    expect(privateKey.asymmetricKeyType).toBe('ed25519');
  });
});

describe('checkDigestSeal and checkDigestRoot', () => {
  const sealed = sealDay({ facts, final: true, key, now });
  const stored = { id: '1', day: '2021-04-06', body: sealed.body, hash: sealed.hash, signature: sealed.signature };

  test('accept an untouched digest and its entries', () => {
    expect(checkDigestSeal(stored, null, key.publicKeyHex)).toEqual([]);
    expect(checkDigestRoot(stored, hashes)).toEqual([]);
  });

  test('name the digest whose signature, hash or chain link is wrong', () => {
    expect(checkDigestSeal(stored, null, other.publicKeyHex).map((p) => p.kind)).toEqual(['digest_signature']);
    expect(checkDigestSeal({ ...stored, hash: sha256Hex('x') }, null, key.publicKeyHex).map((p) => p.kind)).toEqual(['digest_hash']);
    expect(checkDigestSeal(stored, sha256Hex('previous'), key.publicKeyHex).map((p) => p.kind)).toEqual(['chain_broken']);
  });

  test('name the day whose entries no longer give the signed root', () => {
    expect(checkDigestRoot(stored, hashes.slice(0, 2))).toEqual([{ kind: 'day_root', digestId: '1', day: '2021-04-06', expected: 3, found: 2 }]);
    expect(checkDigestRoot(stored, [hashes[0]!, sha256Hex('z'), hashes[2]!])[0]).toMatchObject({ kind: 'day_root', expected: 3, found: 3 });
  });

  test('findChangedEntries names an entry whose body no longer has its hash', () => {
    const rows = [{ seq: 5n, body: 'a', hash: sha256Hex('a') }, { seq: 6n, body: 'B', hash: sha256Hex('b') }];
    expect(findChangedEntries('2021-04-06', rows)).toEqual([{ kind: 'entry_changed', day: '2021-04-06', seq: '6' }]);
  });
});
