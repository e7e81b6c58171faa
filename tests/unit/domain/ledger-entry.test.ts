import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { canonicalJson } from '@/lib/domain/canonical-json';
import { reportEntryBody } from '@/lib/domain/ledger-entry';

const text = fc.string({ unit: 'binary', maxLength: 40 });
const fields = fc.record({
  id: text,
  at: text,
  observedAt: fc.option(text),
  platform: text,
  academy: text,
  category: text,
  role: fc.option(text),
  counted: fc.boolean(),
  flag: fc.option(text),
});

describe('reportEntryBody', () => {
  test('is the canonical JSON of the entry for any field values (quotes, controls, non-ASCII)', () => {
    fc.assert(
      fc.property(fields, (r) => {
        expect(reportEntryBody(r)).toBe(canonicalJson({ ...r, kind: 'report', v: 1 }));
      }),
      { numRuns: 500 },
    );
  });
});
