import { describe, expect, test } from 'vitest';
import { uuidv7 } from '@/lib/domain/uuid';

describe('uuidv7', () => {
  test('carries the time, version 7 and the RFC variant; unique across refills of the random pool', () => {
    const at = Date.UTC(2026, 11, 7, 8, 30);
    const ids = Array.from({ length: 1000 }, () => uuidv7(at));
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) {
      expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(Number.parseInt(id.replaceAll('-', '').slice(0, 12), 16)).toBe(at);
    }
    // The random part differs between consecutive ids (not the same 16 bytes reused).
    expect(ids[0]?.slice(14)).not.toBe(ids[1]?.slice(14));
  });
});
