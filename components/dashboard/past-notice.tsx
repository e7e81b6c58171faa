import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { useWhen } from './when';

/** Shown instead of the live banners when the page shows a past period. */
export function PastNotice({ from, to, liveHref, timeZone }: { from: number; to: number; liveHref: string; timeZone?: string }) {
  const t = useTranslations('newsroom.past');
  const when = useWhen(timeZone);
  return (
    <p className="notice notice-past" data-past="true">
      {t.rich('notice', { period: when.range(from, to), link: (chunks) => <Link href={liveHref}>{chunks}</Link> })}
    </p>
  );
}
