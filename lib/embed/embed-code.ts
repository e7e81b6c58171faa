import type { Locale } from '@/lib/i18n/config';
import { ID_SLUG as SLUG } from '@/lib/domain/slug';

export type EmbedKind = 'carte' | 'service';
export type EmbedOptions = { kind: EmbedKind; platformId: string | null; academyId: string | null; locale: Locale; height: number };

export const EMBED_HEIGHT = { min: 120, max: 1200, map: 520, card: 180 } as const;

/** The generator's form values, with every unusable value replaced by a default (the page never errors). */
export function parseEmbedOptions(params: Record<string, string | string[] | undefined>, knownPlatforms: ReadonlySet<string>, knownAcademies: ReadonlySet<string>): EmbedOptions {
  const one = (name: string) => {
    const v = params[name];
    return typeof v === 'string' ? v : null;
  };
  const platform = one('plateforme');
  const academy = one('academie');
  const platformId = platform && SLUG.test(platform) && knownPlatforms.has(platform) ? platform : null;
  const kind: EmbedKind = one('type') === 'service' && platformId ? 'service' : 'carte';
  const academyId = academy && SLUG.test(academy) && knownAcademies.has(academy) ? academy : null;
  const locale: Locale = one('langue') === 'en' ? 'en' : 'fr';
  const fallback = kind === 'carte' ? EMBED_HEIGHT.map : EMBED_HEIGHT.card;
  const asked = Number(one('hauteur'));
  const height = Number.isInteger(asked) && asked >= EMBED_HEIGHT.min && asked <= EMBED_HEIGHT.max ? asked : fallback;
  return { kind, platformId, academyId, locale, height };
}

/** Path of the framed page for these options (English under /en). */
export function embedPath(o: EmbedOptions): string {
  const prefix = o.locale === 'en' ? '/en' : '';
  if (o.kind === 'service' && o.platformId) return `${prefix}/integrer/service/${o.platformId}${o.academyId ? `?academie=${o.academyId}` : ''}`;
  return `${prefix}/integrer/carte${o.platformId ? `?plateforme=${o.platformId}` : ''}`;
}

function escapeAttr(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}

/** The `<iframe>` code to paste: absolute URL, accessible title, lazy loading, no extra rights. */
export function iframeCode(input: { origin: string; options: EmbedOptions; title: string }): string {
  const src = `${input.origin}${embedPath(input.options)}`;
  return `<iframe src="${escapeAttr(src)}" title="${escapeAttr(input.title)}" width="100%" height="${input.options.height}" style="border:0" loading="lazy" referrerpolicy="strict-origin-when-cross-origin"></iframe>`;
}

/** The badge `<img>` code of a service (in one académie when chosen). */
export function badgeCode(input: { origin: string; platformId: string; academyId: string | null; alt: string; locale: Locale }): string {
  const src = `${input.origin}/badges/${input.platformId}${input.academyId ? `/${input.academyId}` : ''}.svg${input.locale === 'en' ? '?langue=en' : ''}`;
  return `<img src="${escapeAttr(src)}" alt="${escapeAttr(input.alt)}" height="20">`;
}
