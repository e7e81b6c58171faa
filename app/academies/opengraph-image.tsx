import { OG_CONTENT_TYPE, OG_SIZE, ogTranslator, renderOgImage } from '@/lib/og/render';

export const alt = ogTranslator()('og.academyIndex.title');
export const size = OG_SIZE;
export const contentType = OG_CONTENT_TYPE;

export default async function Image() {
  const t = ogTranslator();
  return renderOgImage({ title: t('og.academyIndex.title'), subtitle: t('og.academyIndex.subtitle'), footer: t('og.tagline') });
}
