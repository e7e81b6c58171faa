import type { ExportFormat } from './stream';

export type CountsLinkInput = {
  from: number;
  to: number;
  /** Minutes per bucket shown by the page (chart resolution); mapped to the export's closest step. */
  bucketMinutes: number;
  platformId?: string | null;
  academyId?: string | null;
  category?: string | null;
};

const STEPS: Array<[number, string]> = [
  [1, '1min'],
  [15, '15min'],
  [60, '1h'],
  [1440, '1j'],
];

/** The export step holding the page's buckets whole: the largest step not wider than them. */
export function stepFor(bucketMinutes: number): string {
  let step = '1min';
  for (const [minutes, name] of STEPS) if (minutes <= bucketMinutes) step = name;
  return step;
}

/** Link to the aggregated counts export of exactly the page's filters and period; CSV opens in French Excel (BOM, ';'). */
export function countsExportHref(input: CountsLinkInput, format: ExportFormat = 'csv', excel = format === 'csv'): string {
  const params = new URLSearchParams({ de: new Date(input.from).toISOString(), a: new Date(input.to).toISOString(), pas: stepFor(input.bucketMinutes) });
  if (input.platformId) params.set('plateforme', input.platformId);
  if (input.academyId) params.set('academie', input.academyId);
  if (input.category) params.set('categorie', input.category);
  params.set('format', format);
  if (format === 'csv' && excel) {
    params.set('bom', '1');
    params.set('separateur', 'point-virgule');
  }
  return `/api/v1/exports/comptages?${params}`;
}

/** The main link and the other formats of one page's data. */
export function countsDownloadLinks(input: CountsLinkInput): { main: string; others: Array<{ href: string; label: string }> } {
  return {
    main: countsExportHref(input, 'csv', true),
    others: [
      { href: countsExportHref(input, 'csv', false), label: 'CSV (,)' },
      { href: countsExportHref(input, 'ndjson'), label: 'NDJSON' },
      { href: countsExportHref(input, 'json'), label: 'JSON' },
      { href: countsExportHref(input, 'geojson'), label: 'GeoJSON' },
    ],
  };
}
