import 'server-only';
import { getDb } from '@/lib/db/client';
import { readSeries, type SeriesQuery } from './read-series';
import type { SeriesPayload } from './types';

export type { SeriesQuery };

/** readSeries on the app's database. */
export function loadSeries(query: SeriesQuery): Promise<SeriesPayload> {
  return readSeries(getDb(), query);
}
