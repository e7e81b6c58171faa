import Link from 'next/link';
import { useFormatter, useTranslations } from 'next-intl';
import type { AreaRow } from '@/lib/dashboard/area-rows';
import { ratioArgs, wordRatio } from '@/lib/domain/ratio';
import { ScrollRegion } from './scroll-region';

type Props = {
  rows: AreaRow[];
  caption: string;
  nameHeader: string;
  /** Display name and page of each row's id. */
  labels: Record<string, { name: string; href: string }>;
};

function RatioCell({ reporters, expected, format }: { reporters: number; expected: number | null; format: (n: number) => string }) {
  const t = useTranslations('dashboard');
  const wording = wordRatio(reporters, expected);
  return <>{wording.kind === 'none' ? t('areas.unknown') : t('areas.ratioValue', ratioArgs(wording, format))}</>;
}

/** Affected académies (or platforms): reporters over the window against the usual level, and incident state. */
export function AreaTable({ rows, caption, nameHeader, labels }: Props) {
  const t = useTranslations('dashboard');
  const format = useFormatter();
  if (rows.length === 0) return <p className="muted">{t('areas.none')}</p>;
  const decimals = (n: number) => format.number(n, { maximumFractionDigits: n < 10 ? 1 : 0 });
  return (
    <ScrollRegion label={caption}>
      <table className="data-table area-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{nameHeader}</th>
            <th scope="col">{t('areas.state')}</th>
            <th scope="col" className="num">{t('areas.reporters')}</th>
            <th scope="col" className="num">{t('areas.expected')}</th>
            <th scope="col" className="num">{t('areas.ratio')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => {
            const label = labels[row.id];
            return (
              <tr key={row.id} data-area={row.id} className={row.open && row.level ? `area-${row.level}` : undefined}>
                <th scope="row">{label ? <Link href={label.href}>{label.name}</Link> : row.id}</th>
                <td>
                  {row.level
                    ? t(row.open ? 'areas.stateOpen' : 'areas.statePast', { level: t(`level.${row.level}`) })
                    : t('areas.stateNone')}
                </td>
                <td className="num">{format.number(row.reporters)}</td>
                <td className="num">{row.expected === null ? t('areas.unknown') : decimals(row.expected)}</td>
                <td className="num">
                  <RatioCell reporters={row.reporters} expected={row.expected} format={decimals} />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
