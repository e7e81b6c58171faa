import type { Locale } from '@/lib/i18n/config';

/** What a badge says: the platform's status, or its level in one académie (`unserved` where it is not used). */
export type BadgeStatus = 'operational' | 'degraded' | 'outage' | 'unserved';

const WORDS: Record<Locale, Record<BadgeStatus, string>> = {
  fr: { operational: 'fonctionne', degraded: 'perturbé', outage: 'en panne', unserved: 'non utilisé ici' },
  en: { operational: 'working', degraded: 'disrupted', outage: 'down', unserved: 'not used here' },
};

// Same hues as the map's severity scale; white text keeps at least 4.5:1 on each of them.
const COLOURS: Record<BadgeStatus, string> = { operational: '#2d6a3e', degraded: '#8a5a00', outage: '#b3261e', unserved: '#5f6368' };
const LABEL_COLOUR = '#1f3a5f';

// Average advance of DejaVu Sans / Verdana at 11 px; wide glyphs (capitals, W, M) get more room.
function textWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += /[A-ZÀ-ÖØ-ÞMWmw@%]/.test(ch) ? 8.2 : /[ .,:;'’·|il!()]/.test(ch) ? 3.6 : 6.6;
  return Math.ceil(width);
}

function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c] ?? c);
}

export function badgeWords(status: BadgeStatus, locale: Locale): string {
  return WORDS[locale][status];
}

/**
 * A flat two-part status badge (« PRONOTE · Créteil | en panne ») as a standalone SVG image: its
 * accessible name is in `<title>` and `aria-label`, so screen readers read the same sentence.
 */
export function renderBadge(input: { label: string; status: BadgeStatus; locale: Locale }): string {
  const message = badgeWords(input.status, input.locale);
  const pad = 8;
  const left = textWidth(input.label) + 2 * pad;
  const right = textWidth(message) + 2 * pad;
  const width = left + right;
  const label = escapeXml(input.label);
  const text = escapeXml(message);
  const name = `${label}${input.locale === 'fr' ? '\u00a0: ' : ': '}${text}`;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="20" viewBox="0 0 ${width} 20" role="img" aria-label="${name}" lang="${input.locale}">`,
    `<title>${name}</title>`,
    `<rect width="${left}" height="20" rx="3" fill="${LABEL_COLOUR}"/>`,
    `<rect x="${left - 3}" width="${right + 3}" height="20" rx="3" fill="${COLOURS[input.status]}"/>`,
    `<rect x="${left - 3}" width="3" height="20" fill="${COLOURS[input.status]}"/>`,
    `<g fill="#fff" font-family="DejaVu Sans,Verdana,Geneva,sans-serif" font-size="11" aria-hidden="true">`,
    `<text x="${left / 2}" y="14" text-anchor="middle">${label}</text>`,
    `<text x="${left + right / 2}" y="14" text-anchor="middle">${text}</text>`,
    `</g></svg>`,
  ].join('');
}
