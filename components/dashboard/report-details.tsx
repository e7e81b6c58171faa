import { useTranslations } from 'next-intl';
import type { BreakdownRow } from '@/lib/dashboard/breakdown';
import type { Names } from '@/lib/dashboard/page-data';
import type { PublicComment } from '@/lib/domain/dashboard';
import { BreakdownTable } from './breakdown-table';
import { CommentList } from './comment-list';

/** The two cards closing a platform or académie page: reports by problem, then approved comments. */
export function ReportDetails({ breakdown, comments, names }: { breakdown: BreakdownRow[]; comments: PublicComment[]; names: Names }) {
  const d = useTranslations('dashboard');
  return (
    <div className="dashboard-columns">
      <section aria-labelledby="titre-problemes" className="card">
        <h2 id="titre-problemes">{d('breakdown.title')}</h2>
        <BreakdownTable rows={breakdown} />
      </section>
      <section aria-labelledby="titre-commentaires" className="card">
        <h2 id="titre-commentaires">{d('comments.title')}</h2>
        <CommentList comments={comments} names={names} />
      </section>
    </div>
  );
}
