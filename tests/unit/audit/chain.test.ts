import { describe, expect, test } from 'vitest';
import { canonicalJson, toJsonValue } from '@/lib/domain/canonical-json';
import { computeAuditHash, verifyAuditChain, type AuditRecord, type ChainedRecord } from '@/lib/domain/audit-chain';

function record(n: number): AuditRecord {
  return {
    at: new Date(Date.UTC(2026, 10, 28, 8, n)),
    actorId: 'u1',
    actorLabel: 'modo@example.org',
    action: 'report.hidden',
    targetType: 'report',
    targetId: `r${n}`,
    before: null,
    after: { moderationState: 'hidden', n },
    reason: 'spam',
  };
}

function chain(count: number): ChainedRecord[] {
  const rows: ChainedRecord[] = [];
  let prev: string | null = null;
  for (let i = 0; i < count; i += 1) {
    const hash = computeAuditHash(prev, record(i));
    rows.push({ ...record(i), id: i + 1, prevHash: prev, hash });
    prev = hash;
  }
  return rows;
}

describe('canonicalJson', () => {
  test('sorts keys at every level', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { z: 1, y: 2 }], c: null } })).toBe('{"a":{"c":null,"d":[2,{"y":2,"z":1}]},"b":1}');
  });

  test('toJsonValue turns dates into strings and drops undefined', () => {
    expect(toJsonValue({ at: new Date('2026-01-01T00:00:00Z'), gone: undefined })).toEqual({ at: '2026-01-01T00:00:00.000Z' });
    expect(toJsonValue(undefined)).toBeNull();
  });
});

describe('verifyAuditChain', () => {
  test('accepts an intact chain', () => {
    expect(verifyAuditChain(chain(5))).toEqual({ ok: true, checked: 5, unsealed: 0 });
  });

  test('the hash does not depend on key order of before/after', () => {
    const a = record(1);
    expect(computeAuditHash('p', a)).toBe(computeAuditHash('p', { ...a, after: { n: 1, moderationState: 'hidden' } }));
  });

  test('detects an edited row', () => {
    const rows = chain(4);
    rows[2] = { ...rows[2]!, reason: 'autre raison' };
    expect(verifyAuditChain(rows)).toMatchObject({ ok: false, brokenAt: '3', problem: 'hash_mismatch' });
  });

  test('detects a deleted row', () => {
    const rows = chain(4);
    rows.splice(1, 1);
    expect(verifyAuditChain(rows)).toMatchObject({ ok: false, brokenAt: '3', problem: 'link_mismatch' });
  });

  test('skips unsealed rows and continues from a known previous hash', () => {
    const rows = chain(3);
    const withForeign: ChainedRecord[] = [rows[0]!, { ...record(9), id: 99, prevHash: null, hash: null }, rows[1]!, rows[2]!];
    expect(verifyAuditChain(withForeign)).toEqual({ ok: true, checked: 3, unsealed: 1 });
    expect(verifyAuditChain(rows.slice(1), rows[0]!.hash)).toMatchObject({ ok: true, checked: 2 });
  });
});
