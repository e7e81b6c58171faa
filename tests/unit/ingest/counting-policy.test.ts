import { describe, test, expect } from 'vitest';
import {
  decideCounting,
  isHoneypotFilled,
  type CountingReport,
  type RecentReport,
} from '@/lib/ingest/counting-policy';

const now = new Date('2021-04-06T07:02:00Z');
const minutesAgo = (m: number) => new Date(now.getTime() - m * 60_000);
const floodText = 'Pronote est en panne, partagez ce message à tous les parents';

const report: CountingReport = {
  fingerprint: 'fp-a',
  deviceToken: 'device-a-0123456789',
  platform: 'pronote',
  academy: 'creteil',
  category: 'login',
  comment: null,
  receivedAt: now,
};

function recent(overrides: Partial<RecentReport>): RecentReport {
  return { ...report, counted: true, receivedAt: minutesAgo(1), ...overrides };
}

function decide(
  history: RecentReport[],
  overrides: Partial<CountingReport> = {},
  honeypot = false,
) {
  return decideCounting({ report: { ...report, ...overrides }, honeypot, recent: history });
}

function floodFrom(sources: number, minutes = 1): RecentReport[] {
  return Array.from({ length: sources }, (_, i) =>
    recent({
      fingerprint: `fp-${i}`,
      deviceToken: null,
      comment: floodText,
      receivedAt: minutesAgo(minutes),
    }),
  );
}

describe('decideCounting', () => {
  test.each<[string, RecentReport[], Partial<CountingReport>, string | null]>([
    ['counts a first report', [], {}, null],
    [
      'flags a duplicate from the same fingerprint',
      [recent({ deviceToken: null })],
      {},
      'duplicate',
    ],
    [
      'flags a duplicate from the same device on another network',
      [recent({ fingerprint: 'fp-4g' })],
      {},
      'duplicate',
    ],
    [
      'flags a duplicate even when the first one was not counted',
      [recent({ counted: false })],
      {},
      'duplicate',
    ],
    ['counts the same report after 10 minutes', [recent({ receivedAt: minutesAgo(10) })], {}, null],
    [
      'rate-limits another category on the same platform',
      [recent({})],
      { category: 'slow' },
      'rate_limited',
    ],
    [
      'rate-limits another académie on the same platform',
      [recent({})],
      { academy: 'paris' },
      'rate_limited',
    ],
    [
      'rate-limits by device token across fingerprints',
      [recent({ fingerprint: 'fp-b' })],
      { category: 'slow' },
      'rate_limited',
    ],
    [
      'does not rate-limit against a flagged report',
      [recent({ counted: false })],
      { category: 'slow' },
      null,
    ],
    ['counts another platform from the same source', [recent({})], { platform: 'ent77' }, null],
    [
      'counts the same report from another source',
      [recent({ fingerprint: 'fp-b', deviceToken: null })],
      {},
      null,
    ],
    [
      'counts when the earlier report is 10 minutes old',
      [recent({ receivedAt: minutesAgo(10) })],
      { category: 'slow' },
      null,
    ],
    ['flags identical long comments from 5 sources', floodFrom(4), { comment: floodText }, 'flood'],
    [
      'ignores case and punctuation in flood comments',
      floodFrom(4),
      { comment: floodText.toUpperCase().replace(',', ' !') },
      'flood',
    ],
    ['counts identical comments from only 4 sources', floodFrom(3), { comment: floodText }, null],
    [
      'counts identical comments spread over more than 5 minutes',
      floodFrom(4, 6),
      { comment: floodText },
      null,
    ],
    [
      'never floods short comments repeated in a real outage',
      floodFrom(8).map((r) => ({ ...r, comment: 'ça marche pas' })),
      { comment: 'ça marche pas' },
      null,
    ],
  ])('%s', (_name, history, overrides, flag) => {
    const decision = decide(history, overrides);
    expect(decision).toEqual(
      flag === null ? { counts: true, flag: null } : { counts: false, flag },
    );
  });

  test('does not count one source several times towards a flood', () => {
    const sameSource = floodFrom(6).map((r) => ({ ...r, fingerprint: 'fp-bot' }));
    expect(
      decide(sameSource, { comment: floodText, fingerprint: 'fp-new', deviceToken: null }),
    ).toEqual({ counts: true, flag: null });
  });

  test('puts the honeypot first, then flood, then duplicate', () => {
    const history = [...floodFrom(4), recent({})];
    expect(decide(history, { comment: floodText }, true).flag).toBe('honeypot');
    expect(decide(history, { comment: floodText }).flag).toBe('flood');
    expect(decide([recent({})], { comment: 'autre' }).flag).toBe('duplicate');
  });

  test('accepts custom thresholds', () => {
    const decision = decideCounting({
      report: { ...report, category: 'slow' },
      honeypot: false,
      recent: [recent({ receivedAt: minutesAgo(3) })],
      thresholds: {
        countWindowMs: 2 * 60_000,
        duplicateWindowMs: 2 * 60_000,
        floodWindowMs: 1,
        floodMinSources: 99,
        floodMinCommentLength: 99,
      },
    });
    expect(decision).toEqual({ counts: true, flag: null });
  });
});

describe('isHoneypotFilled', () => {
  test.each([
    [undefined, false],
    ['', false],
    ['   ', false],
    ['http://spam.example', true],
  ])('%j → %s', (website, expected) => {
    expect(isHoneypotFilled(website)).toBe(expected);
  });
});

describe('decideCounting behind one shared address', () => {
  test('two device tokens on one address are two people, not a duplicate', () => {
    const neighbour = recent({ deviceToken: 'device-b-0123456789' });
    expect(decide([neighbour])).toEqual({ counts: true, flag: null });
  });

  test('a tokenless report on an address that just reported is the same source', () => {
    expect(decide([recent({ deviceToken: 'device-b-0123456789' })], { deviceToken: null }).flag).toBe('duplicate');
    expect(decide([recent({ deviceToken: null })]).flag).toBe('duplicate');
  });

  test('one device token is one source on any address', () => {
    expect(decide([recent({ fingerprint: 'fp-elsewhere' })]).flag).toBe('duplicate');
  });
});
