'use client';

import 'leaflet/dist/leaflet.css';
import type { Feature, Geometry } from 'geojson';
import L from 'leaflet';
import { useMemo } from 'react';
import { GeoJSON, MapContainer, TileLayer } from 'react-leaflet';
import type { AreaProperties } from '@/lib/geo/topology';

export type AreaFeature = Feature<Geometry, AreaProperties>;

export type AcademyMapProps = {
  areas: AreaFeature[];
  tileUrl?: string;
  tileAttribution?: string;
  attribution: string;
};

const AREA_STYLE: L.PathOptions = { color: '#ffffff', weight: 1, fillColor: '#8fa8c8', fillOpacity: 0.9 };

function styleFor(feature: AreaFeature | undefined): L.PathOptions {
  const id = feature?.properties.id ?? 'unknown';
  return { ...AREA_STYLE, className: `academy academy-${id}` };
}

function bindLabel(feature: AreaFeature, layer: L.Layer) {
  layer.bindTooltip(`Académie de ${feature.properties.name}`, { sticky: true });
}

function boundsOf(areas: AreaFeature[]): L.LatLngBounds {
  return L.geoJSON(areas as unknown as GeoJSON.FeatureCollection).getBounds();
}

function AreaLayer(props: { areas: AreaFeature[]; tileUrl?: string; tileAttribution?: string; attribution: string }) {
  return (
    <>
      {props.tileUrl ? (
        <TileLayer url={props.tileUrl} attribution={props.tileAttribution ?? ''} opacity={0.6} />
      ) : null}
      <GeoJSON
        data={{ type: 'FeatureCollection', features: props.areas } as GeoJSON.FeatureCollection}
        style={(f) => styleFor(f as AreaFeature | undefined)}
        onEachFeature={(f, layer) => bindLabel(f as AreaFeature, layer)}
        attribution={props.attribution}
      />
    </>
  );
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

/** Choropleth base map: metropolitan France plus one inset per overseas académie; no tile server needed. */
export function AcademyMap({ areas, tileUrl, tileAttribution, attribution }: AcademyMapProps) {
  const metro = useMemo(() => areas.filter((a) => !a.properties.overseas), [areas]);
  const overseas = useMemo(() => areas.filter((a) => a.properties.overseas), [areas]);
  const metroBounds = useMemo(() => boundsOf(metro), [metro]);
  return (
    <div className="map-frame">
      <MapContainer
        className="map-main"
        bounds={metroBounds}
        boundsOptions={{ padding: [8, 8] }}
        zoomSnap={0.25}
        scrollWheelZoom={false}
        aria-label="Carte des académies de France métropolitaine"
      >
        <AreaLayer areas={metro} tileUrl={tileUrl} tileAttribution={tileAttribution} attribution={attribution} />
      </MapContainer>
      <ul className="map-insets" aria-label="Académies d’outre-mer">
        {overseas.map((area) => (
          <li key={area.properties.id} className="map-inset">
            <MapContainer
              className="map-inset-map"
              bounds={boundsOf([area])}
              boundsOptions={{ padding: [4, 4] }}
              zoomSnap={0.25}
              {...INSET_OPTIONS}
            >
              <AreaLayer areas={[area]} tileUrl={tileUrl} tileAttribution={tileAttribution} attribution={attribution} />
            </MapContainer>
            <span className="map-inset-label">{area.properties.name}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}

export default AcademyMap;
