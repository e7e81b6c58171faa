import { countsDownloadLinks } from '@/lib/export/download-links';
import type { SeriesPayload } from '@/lib/series/types';
import { DownloadLink } from './download-link';

/** « Télécharger les données » of a page's chart: the counts of its service/académie over its period. */
export function SeriesDownload({ series }: { series: Pick<SeriesPayload, 'platformId' | 'academyId' | 'from' | 'to' | 'bucketMinutes'> }) {
  const links = countsDownloadLinks({
    from: Date.parse(series.from),
    to: Date.parse(series.to),
    bucketMinutes: series.bucketMinutes,
    platformId: series.platformId,
    academyId: series.academyId,
  });
  return <DownloadLink href={links.main} formats={links.others} />;
}
