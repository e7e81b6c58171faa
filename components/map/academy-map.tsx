'use client';

import 'leaflet/dist/leaflet.css';
import L from 'leaflet';
import { useEffect, useMemo } from 'react';
import { MapContainer, TileLayer, useMap, ZoomControl } from 'react-leaflet';
import { AcademyLayer, type AreaFeature, type AreaView } from './academy-layer';

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

const INSET_OPTIONS = {
  zoomControl: false,
  dragging: false,
  scrollWheelZoom: false,
  doubleClickZoom: false,
  boxZoom: false,
  keyboard: false,
  touchZoom: false,
  attributionControl: false,
} as const;

/** Choropleth of the académies: metropolitan France plus one inset per overseas académie; tiles optional. */
export function AcademyMap(props: AcademyMapProps) {
  const { areas, views, selectedId, onSelect, tileUrl, tileAttribution, attribution, labels } = props;
  const metro = useMemo(() => areas.filter((a) => !a.properties.overseas), [areas]);
  const overseas = useMemo(() => areas.filter((a) => a.properties.overseas), [areas]);
  const metroBounds = useMemo(() => boundsOf(metro), [metro]);
  const insets = useMemo(() => overseas.map((area) => ({ area, list: [area], bounds: boundsOf([area]) })), [overseas]);
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
        {insets.map(({ area, list, bounds }) => (
          <li key={area.properties.id} className="map-inset">
            <MapContainer className="map-inset-map" bounds={bounds} boundsOptions={{ padding: [4, 4] }} zoomSnap={0.25} {...INSET_OPTIONS}>
              {tileUrl ? <TileLayer url={tileUrl} attribution={tileAttribution ?? ''} opacity={0.6} /> : null}
              <AcademyLayer areas={list} {...layer} />
            </MapContainer>
            <span className="map-inset-label">{props.overseasName(area.properties.id)}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}

export default AcademyMap;
