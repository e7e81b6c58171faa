import { memo } from 'react';
import { DownloadLink } from '@/components/dashboard/download-link';
import { countsDownloadLinks } from '@/lib/export/download-links';

type Props = { at: string; windowMinutes: number; platformId: string | null; category: string | null };

/** The counts behind the map and table shown: every académie, minute by minute, over the window before `at`. */
function HomeDownloadView({ at, windowMinutes, platformId, category }: Props) {
  const to = Date.parse(at);
  const links = countsDownloadLinks({ from: to - windowMinutes * 60_000, to, bucketMinutes: 1, platformId, category });
  return <DownloadLink href={links.main} formats={links.others} />;
}

export const HomeDownload = memo(HomeDownloadView);
