import { boundedMemo } from '@/lib/domain/bounded-memo';

export const MASK = '[masqué]';

const EMAIL =
  /[\p{L}\p{N}._%+-]+\s*(?:@|\[at\]|\(at\)|\[arobase\]|\(arobase\))\s*[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/giu;

const SEP = String.raw`[ \u00A0.\-]?`;
const PAIRS = String.raw`(?:${SEP}\d{2}){4}`;
const PHONE_PATTERNS = [
  // +33 6 12 34 56 78, 0033 (0)6 12 34 56 78, +262 692 12 34 56
  String.raw`(?:\+|00)\d{2,3}${SEP}(?:\(0\)${SEP})?\d{1,3}(?:${SEP}\d{2,4}){2,4}`,
  // 06 12 34 56 78, 06.12.34.56.78, 0612345678, 0692 12 34 56
  String.raw`0[1-9]${PAIRS}`,
];
const PHONE = new RegExp(`(?<![\\p{N}+])(?:${PHONE_PATTERNS.join('|')})(?!\\p{N})`, 'gu');

// INE, the national pupil identifier (10 digits + 1 letter or 9 digits + 2 letters).
const PUPIL_ID = /(?<![\p{L}\p{N}])(?:\d{10}\p{L}|\d{9}\p{L}{2})(?![\p{L}\p{N}])/gu;

function collapseWhitespace(text: string): string {
  return text
    .split('\n')
    .map((line) => line.replace(/\s+/gu, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/**
 * Masks e-mail addresses, phone numbers and pupil identifiers with `[masqué]`, NFC-normalises and
 * collapses whitespace (at most one blank line). Ordinary numbers (8h30, 3e, 2021, 15 élèves) stay.
 */
export function scrubComment(text: string): string {
  const normalized = text.normalize('NFC').replace(/\r\n?/g, '\n');
  const masked = normalized.replace(EMAIL, MASK).replace(PHONE, MASK).replace(PUPIL_ID, MASK);
  return collapseWhitespace(masked);
}

// Flood detection compares each new comment with every recent one, batch after batch: the keys of
// the same recent comments are computed again and again (8 % of an instance's CPU under a surge).
/** Distinct comments whose key is remembered; the memo is cleared when full (a bound, not an LRU). */
export const COMMENT_KEY_MEMO_MAX = 20_000;

/** A comparison key for flood detection: case, accents, punctuation and spacing are ignored. */
export const commentKey: (text: string) => string = boundedMemo(COMMENT_KEY_MEMO_MAX, (text) =>
  text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim(),
);
