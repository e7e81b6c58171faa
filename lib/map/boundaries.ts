import 'server-only';
import { createHash } from 'node:crypto';
import type { Geometry } from 'geojson';
import { listBoundaries, listBoundaryChecksums } from '@/lib/db/catalog';
import { buildAcademyTopology } from '@/lib/geo/topology';

export type BoundaryAsset = { etag: string; body: string };

let cached: BoundaryAsset | null = null;

/** The académie TopoJSON, built once per process from the seeded boundaries (Next.js gzips it on the way out). */
export async function getBoundaryAsset(): Promise<BoundaryAsset> {
  const checksums = await listBoundaryChecksums();
  const etag = `"${createHash('sha256').update(checksums.join()).digest('hex').slice(0, 32)}"`;
  if (cached?.etag === etag) return cached;
  const rows = await listBoundaries();
  const topology = buildAcademyTopology(
    rows.map((r) => ({
      properties: { id: r.academyId, name: r.name, code: r.code, overseas: r.overseas },
      geometry: r.geometry as Geometry,
    })),
  );
  cached = { etag, body: JSON.stringify(topology) };
  return cached;
}
