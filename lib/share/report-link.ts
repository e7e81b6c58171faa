import 'server-only';
import QRCode from 'qrcode';
import { headers } from 'next/headers';
import type { Locale } from '@/lib/i18n/config';
import { localizePath } from '@/lib/i18n/paths';
import { siteOrigin } from '@/lib/seo/site';

/** The one-tap report link of a service (in an académie), absolute: it is printed and scanned elsewhere. */
export async function reportLink(input: { platformId: string | null; academyId: string | null; locale: Locale }): Promise<string> {
  const params = new URLSearchParams();
  if (input.platformId) params.set('plateforme', input.platformId);
  if (input.academyId) params.set('academie', input.academyId);
  const query = params.size ? `?${params.toString()}` : '';
  // Without a configured origin, the address this page was opened at (the person sees where it points).
  const origin = siteOrigin() ?? `http://${(await headers()).get('host') ?? 'localhost'}`;
  return `${origin}${localizePath(input.locale, `/signaler${query}`)}`;
}

/** The QR code of a link as an inline SVG (drawn on the server: no script, prints sharply). */
export function qrSvg(link: string, label: string): Promise<string> {
  return QRCode.toString(link, { type: 'svg', errorCorrectionLevel: 'M', margin: 2, color: { dark: '#000000', light: '#ffffff' } }).then((svg) =>
    svg.replace('<svg ', `<svg role="img" aria-label="${label.replace(/[&<>"]/g, '')}" `),
  );
}
