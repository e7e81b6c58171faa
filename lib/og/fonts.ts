import 'server-only';
import { readFile } from 'node:fs/promises';
import path from 'node:path';

export type OgFont = { name: string; data: Buffer; weight: 400 | 700; style: 'normal' };

let fonts: Promise<OgFont[]> | null = null;

/**
 * DejaVu Sans, shipped in the repository (lib/og/fonts, with its licence): the sharing images are
 * drawn offline, and every character of our French texts (é, ’, « », narrow no-break spaces) is
 * in it, so the renderer never tries to download a fallback font.
 */
export function loadOgFonts(): Promise<OgFont[]> {
  fonts ??= Promise.all(
    (
      [
        ['DejaVuSans.ttf', 400],
        ['DejaVuSans-Bold.ttf', 700],
      ] as const
    ).map(async ([file, weight]) => ({
      name: 'DejaVu Sans',
      data: await readFile(path.join(process.cwd(), 'lib/og/fonts', file)),
      weight,
      style: 'normal' as const,
    })),
  );
  return fonts;
}
