import { useFormatter, useTranslations } from 'next-intl';
import type { BreakdownRow } from '@/lib/dashboard/breakdown';
import { ScrollRegion } from './scroll-region';

/** Counted reports by problem category: a table whose share column doubles as a bar. */
export function BreakdownTable({ rows }: { rows: BreakdownRow[] }) {
  const t = useTranslations('dashboard');
  const format = useFormatter();
  if (rows.length === 0) return <p className="muted">{t('breakdown.none')}</p>;
  return (
    <ScrollRegion label={t('breakdown.caption')}>
      <table className="data-table breakdown-table">
        <caption className="dash-sr-only">{t('breakdown.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('breakdown.category')}</th>
            <th scope="col" className="num">
              {t('breakdown.count')}
            </th>
            <th scope="col">{t('breakdown.share')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.category}>
              <th scope="row">{t(`category.${row.category}`)}</th>
              <td className="num">{format.number(row.count)}</td>
              <td>
                <span className="bar" style={{ width: `${Math.max(2, Math.round(row.share * 100))}%` }} aria-hidden="true" />
                <span className="bar-label">{format.number(row.share, { style: 'percent', maximumFractionDigits: 0 })}</span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
