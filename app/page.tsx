import { AcademyMapLoader } from '@/components/map/academy-map-loader';
import { PlatformList } from '@/components/platforms/platform-list';
import { StatusHeadline, type HeadlineItem } from '@/components/platforms/status-headline';
import { listAcademies, listPlatforms } from '@/lib/db/catalog';
import { getPlatformStatuses } from '@/lib/db/status';
import { env } from '@/lib/env';
import { BOUNDARY_ATTRIBUTION } from '@/lib/geo/attribution';

export const dynamic = 'force-dynamic';

export default async function HomePage() {
  const [academies, platforms, statuses] = await Promise.all([listAcademies(), listPlatforms(), getPlatformStatuses()]);
  const academyNames = new Map(academies.map((a) => [a.id, a.name]));
  const byId = new Map(platforms.map((p) => [p.id, p]));
  const headline: HeadlineItem[] = [...statuses].map(([id, { status, incidents }]) => ({
    platformName: byId.get(id)?.name ?? id,
    status,
    since: new Date(Math.min(...incidents.map((i) => i.startedAt.getTime()))),
    scope: !incidents.some((i) => i.scope === 'national') ? 'academies' : byId.get(id)?.scope === 'national' ? 'national' : 'perimeter',
    academyCount: new Set(incidents.flatMap((i) => i.academies)).size,
  }));
  return (
    <>
      <section className="hero" aria-labelledby="titre-carte">
        <h1 id="titre-carte">Les services numériques scolaires, académie par académie</h1>
        <p>
          {academies.length} académies, {platforms.length} services suivis. Un service ne marche pas ?{' '}
          <a href="/signaler">Signalez-le en quelques secondes</a>, anonymement.
        </p>
      </section>
      <section aria-label="Situation en cours">
        <StatusHeadline items={headline} />
      </section>
      <section className="map-section" aria-label="Carte des académies">
        <AcademyMapLoader tileUrl={env.TILE_URL} tileAttribution={env.TILE_ATTRIBUTION} attribution={BOUNDARY_ATTRIBUTION} />
      </section>
      <section className="platforms-section" aria-labelledby="titre-plateformes">
        <h2 id="titre-plateformes">Services suivis</h2>
        <PlatformList
          platforms={platforms}
          academyNames={academyNames}
          statuses={new Map([...statuses].map(([id, s]) => [id, s.status]))}
        />
      </section>
    </>
  );
}
