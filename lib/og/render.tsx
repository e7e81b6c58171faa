import 'server-only';
import { ImageResponse } from 'next/og';
import { createTranslator } from 'next-intl';
import { OG_SIZE, OgCard, type OgCardProps } from '@/components/og/og-card';
import { MESSAGES } from '@/messages';
import { loadOgFonts } from './fonts';

export { OG_SIZE };
export const OG_CONTENT_TYPE = 'image/png';

/** Sharing images are drawn in French, the site's canonical language (their URL has no locale). */
export function ogTranslator() {
  return createTranslator({ locale: 'fr', messages: MESSAGES.fr });
}

/** PNG of a page's sharing card; `maxAgeSeconds` for images whose content follows live data. */
export async function renderOgImage(props: Omit<OgCardProps, 'brand'>, opts: { maxAgeSeconds?: number } = {}): Promise<ImageResponse> {
  const t = ogTranslator();
  const headers: Record<string, string> = opts.maxAgeSeconds === undefined ? {} : { 'cache-control': `public, max-age=${opts.maxAgeSeconds}` };
  return new ImageResponse(<OgCard brand={t('common.brand')} {...props} />, { ...OG_SIZE, fonts: await loadOgFonts(), headers });
}

type OgTranslator = ReturnType<typeof ogTranslator>;
type CardOf = Omit<OgCardProps, 'brand'>;

/**
 * The sharing image of a detail page (`/academies/[id]`, `/plateformes/[id]`, `/incidents/[id]`): reads the id, loads
 * the subject, and draws `card(found)`; an unknown id gets the index's card, cached a minute.
 */
export async function renderDetailOgImage<T>(input: {
  params: Promise<{ id: string }>;
  load: (id: string) => Promise<T | null>;
  unknown: (t: OgTranslator) => CardOf;
  card: (found: T, t: OgTranslator, now: number) => Promise<{ card: CardOf; maxAgeSeconds: number }>;
}): Promise<ImageResponse> {
  const { id } = await input.params;
  const t = ogTranslator();
  const found = await input.load(id);
  if (!found) return renderOgImage(input.unknown(t), { maxAgeSeconds: 60 });
  const { card, maxAgeSeconds } = await input.card(found, t, Date.now());
  return renderOgImage(card, { maxAgeSeconds });
}
