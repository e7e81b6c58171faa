'use client';

import type { Feature, Geometry } from 'geojson';
import L from 'leaflet';
import { useEffect, useRef } from 'react';
import { useMap } from 'react-leaflet';
import type { AreaProperties } from '@/lib/geo/topology';
import { severityMarkSvg } from '@/lib/map-view/severity-mark';
import { AREA_OUTLINE, FOCUS_OUTLINE, type SeverityStyle } from '@/lib/map-view/severity-style';

export type AreaFeature = Feature<Geometry, AreaProperties>;

/** Everything the map shows for one académie, computed by the parent from the map state. */
export type AreaView = { style: SeverityStyle; label: string; mark: [number, number] | null };

export type AcademyLayerProps = {
  areas: AreaFeature[];
  views: ReadonlyMap<string, AreaView>;
  selectedId: string | null;
  onSelect(id: string): void;
  attribution: string;
};

function pathOptions(view: AreaView | undefined, selected: boolean): L.PathOptions {
  return {
    color: selected ? FOCUS_OUTLINE : AREA_OUTLINE,
    weight: selected ? 3 : 1,
    fillColor: view?.style.paint ?? '#eef0f3',
    fillOpacity: 1,
  };
}

/**
 * The académie polygons of one Leaflet map, each a focusable button (click, Enter or Space selects
 * it), coloured and hatched by severity, with a badge over those in trouble.
 */
export function AcademyLayer({ areas, views, selectedId, onSelect, attribution }: AcademyLayerProps) {
  const map = useMap();
  const layers = useRef(new Map<string, L.Path>());
  const marks = useRef<L.LayerGroup | null>(null);
  const select = useRef(onSelect);
  select.current = onSelect;

  useEffect(() => {
    const group = L.geoJSON(areas as unknown as GeoJSON.FeatureCollection, {
      attribution,
      style: (f) => ({ ...pathOptions(undefined, false), className: `academy academy-${(f as AreaFeature).properties.id}` }),
      onEachFeature: (f, layer) => {
        const id = (f as AreaFeature).properties.id;
        layers.current.set(id, layer as L.Path);
        layer.on('click', () => select.current(id));
        layer.on('add', () => {
          const el = (layer as L.Path).getElement();
          if (!el) return;
          el.setAttribute('tabindex', '0');
          el.setAttribute('role', 'button');
          el.setAttribute('data-academy', id);
          el.addEventListener('keydown', (event) => {
            const key = (event as KeyboardEvent).key;
            if (key !== 'Enter' && key !== ' ') return;
            event.preventDefault();
            select.current(id);
          });
        });
      },
    }).addTo(map);
    marks.current = L.layerGroup().addTo(map);
    const registry = layers.current;
    return () => {
      group.remove();
      marks.current?.remove();
      registry.clear();
    };
  }, [map, areas, attribution]);

  useEffect(() => {
    marks.current?.clearLayers();
    for (const [id, layer] of layers.current) {
      const view = views.get(id);
      const selected = id === selectedId;
      layer.setStyle(pathOptions(view, selected));
      if (selected) layer.bringToFront();
      const el = layer.getElement();
      el?.setAttribute('data-severity', view?.style.served === false ? 'non-desservie' : (view?.style.severity ?? 'normal'));
      el?.setAttribute('aria-pressed', String(selected));
      if (view) el?.setAttribute('aria-label', view.label);
      const svg = view ? severityMarkSvg(view.style) : '';
      if (view?.mark && svg && marks.current) {
        const icon = L.divIcon({ html: svg, className: 'map-mark', iconSize: [22, 22], iconAnchor: [11, 11] });
        L.marker(view.mark, { icon, interactive: false, keyboard: false }).addTo(marks.current);
      }
    }
  }, [views, selectedId, areas, map]);

  return null;
}
