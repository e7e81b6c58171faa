import { useTranslations } from 'next-intl';
import { frenchOfAcademy } from '@/lib/dashboard/academy-name';
import type { Names } from '@/lib/dashboard/page-data';
import type { PublicComment } from '@/lib/domain/dashboard';
import { When } from './when';

/** Comments approved by moderators, newest first (never pending or hidden ones: the read filters them). */
export function CommentList({ comments, names }: { comments: PublicComment[]; names: Names }) {
  const t = useTranslations('dashboard');
  return (
    <>
      <p className="muted">{t('comments.note')}</p>
      {comments.length === 0 ? (
        <p className="muted">{t('comments.none')}</p>
      ) : (
        <ul className="comment-list">
          {comments.map((comment) => {
            const academy = names.academies[comment.academyId];
            const academyName = academy?.name ?? comment.academyId;
            return (
              <li key={comment.id} className="comment-item">
                <blockquote lang="fr">{comment.text}</blockquote>
                <p className="comment-meta">
                  {t('comments.about', {
                    platform: names.platforms[comment.platformId] ?? comment.platformId,
                    academy: academyName,
                    of: frenchOfAcademy(comment.academyId, academyName),
                  })}
                  {' · '}
                  {t(`category.${comment.category}`)}
                  {' · '}
                  <When t={comment.at} timeZone={academy?.timeZone} />
                </p>
              </li>
            );
          })}
        </ul>
      )}
    </>
  );
}
