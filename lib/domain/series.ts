/** One row of bucketed counters: distinct reporters of a platform in bucket `i` of the window. */
export type BucketRow = { platformId: string; i: number; reporters: number };
