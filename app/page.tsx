import { AcademyMapLoader } from '@/components/map/academy-map-loader';
import { PlatformList } from '@/components/platforms/platform-list';
import { listAcademies, listPlatforms } from '@/lib/db/catalog';
import { env } from '@/lib/env';
import { BOUNDARY_ATTRIBUTION } from '@/lib/geo/attribution';

export const dynamic = 'force-dynamic';

export default async function HomePage() {
  const [academies, platforms] = await Promise.all([listAcademies(), listPlatforms()]);
  const academyNames = new Map(academies.map((a) => [a.id, a.name]));
  return (
    <>
      <section className="hero" aria-labelledby="titre-carte">
        <h1 id="titre-carte">Les services numériques scolaires, académie par académie</h1>
        <p>
          {academies.length} académies, {platforms.length} services suivis. Un service ne marche pas ?{' '}
          <a href="/signaler">Signalez-le en quelques secondes</a>, anonymement.
        </p>
      </section>
      <section className="map-section" aria-label="Carte des académies">
        <AcademyMapLoader tileUrl={env.TILE_URL} tileAttribution={env.TILE_ATTRIBUTION} attribution={BOUNDARY_ATTRIBUTION} />
      </section>
      <section className="platforms-section" aria-labelledby="titre-plateformes">
        <h2 id="titre-plateformes">Services suivis</h2>
        <PlatformList platforms={platforms} academyNames={academyNames} />
      </section>
    </>
  );
}
