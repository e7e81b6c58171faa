import 'server-only';
import { getDb } from '@/lib/db/client';
import { findSeriesScope } from '@/lib/db/series';
import { AppError } from '@/lib/http/errors';
import { loadSeries } from './load-series';
import type { ParsedSeriesQuery } from './schema';
import type { SeriesPayload } from './types';

/** The series of a validated query; 404 when the platform or académie does not exist. */
export async function getSeries(query: ParsedSeriesQuery): Promise<SeriesPayload> {
  const scope = await findSeriesScope(getDb(), query);
  if (query.platformId && !scope.platform) {
    throw new AppError('not_found', 'Ce service n’est pas dans notre liste.', {
      issues: [{ field: 'plateforme', code: 'platform_unknown', message: 'Ce service n’est pas dans notre liste.' }],
    });
  }
  if (query.academyId && !scope.academy) {
    throw new AppError('not_found', 'Cette académie n’existe pas.', {
      issues: [{ field: 'academie', code: 'academy_unknown', message: 'Cette académie n’existe pas.' }],
    });
  }
  return loadSeries(query);
}
