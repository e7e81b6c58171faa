'use client';

import 'leaflet/dist/leaflet.css';
import L from 'leaflet';
import { useEffect, useMemo } from 'react';
import { MapContainer, TileLayer, useMap, ZoomControl } from 'react-leaflet';
import { AcademyLayer, type AreaFeature, type AreaView } from './academy-layer';
import { InsetMap } from './inset-map';

export type { AreaFeature, AreaView };

export type AcademyMapProps = {
  areas: AreaFeature[];
  views: ReadonlyMap<string, AreaView>;
  selectedId: string | null;
  onSelect(id: string): void;
  tileUrl?: string;
  tileAttribution?: string;
  attribution: string;
  labels: { metro: string; overseas: string; zoomIn: string; zoomOut: string };
  overseasName(id: string): string;
};

function boundsOf(areas: AreaFeature[]): L.LatLngBounds {
  return L.geoJSON(areas as unknown as GeoJSON.FeatureCollection).getBounds();
}

/** MapContainer passes no ARIA attributes to its element: name the focusable map container here. */
function ContainerLabel({ label }: { label: string }) {
  const map = useMap();
  useEffect(() => {
    const el = map.getContainer();
    el.setAttribute('role', 'group');
    el.setAttribute('aria-label', label);
  }, [map, label]);
  return null;
}

/** Choropleth of the académies: metropolitan France (Leaflet, tiles optional) plus one SVG inset per overseas académie. */
export function AcademyMap(props: AcademyMapProps) {
  const { areas, views, selectedId, onSelect, tileUrl, tileAttribution, attribution, labels } = props;
  const metro = useMemo(() => areas.filter((a) => !a.properties.overseas), [areas]);
  const overseas = useMemo(() => areas.filter((a) => a.properties.overseas), [areas]);
  const metroBounds = useMemo(() => boundsOf(metro), [metro]);
  const layer = { views, selectedId, onSelect, attribution };
  return (
    <div className="map-frame">
      <MapContainer
        className="map-main"
        bounds={metroBounds}
        boundsOptions={{ padding: [8, 8] }}
        zoomSnap={0.25}
        zoomControl={false}
        scrollWheelZoom={false}
      >
        <ContainerLabel label={labels.metro} />
        {tileUrl ? <TileLayer url={tileUrl} attribution={tileAttribution ?? ''} opacity={0.6} /> : null}
        <ZoomControl position="topleft" zoomInTitle={labels.zoomIn} zoomOutTitle={labels.zoomOut} />
        <AcademyLayer areas={metro} {...layer} />
      </MapContainer>
      <ul className="map-insets" aria-label={labels.overseas}>
        {overseas.map((area) => (
          <li key={area.properties.id} className="map-inset">
            <InsetMap area={area} view={views.get(area.properties.id)} selected={selectedId === area.properties.id} onSelect={onSelect} />
            <span className="map-inset-label">{props.overseasName(area.properties.id)}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}

export default AcademyMap;
