'use client';

import { useMemo } from 'react';
import { SeverityMark } from '@/components/home/severity-mark';
import { insetProjection } from '@/lib/map-view/inset-path';
import { AREA_OUTLINE, FOCUS_OUTLINE } from '@/lib/map-view/severity-style';
import type { AreaFeature, AreaView } from './academy-layer';

const BOX = { width: 120, height: 100, pad: 6 };

type Props = { area: AreaFeature; view: AreaView | undefined; selected: boolean; onSelect(id: string): void };

/**
 * One overseas académie drawn as plain SVG (no second Leaflet map to start): same colours, hatching,
 * badge and keyboard behaviour as the areas of the main map.
 */
export function InsetMap({ area, view, selected, onSelect }: Props) {
  const id = area.properties.id;
  const projection = useMemo(() => insetProjection(area.geometry, BOX), [area]);
  const badge = view?.mark ? projection.project(view.mark[1], view.mark[0]) : null;
  return (
    <svg className="map-inset-map" viewBox={`0 0 ${BOX.width} ${BOX.height}`} preserveAspectRatio="xMidYMid meet">
      <path
        d={projection.d}
        className={`academy academy-${id}`}
        data-academy={id}
        data-severity={view?.style.served === false ? 'non-desservie' : (view?.style.severity ?? 'normal')}
        fill={view?.style.paint ?? '#f7f8fa'}
        fillRule="evenodd"
        stroke={selected ? FOCUS_OUTLINE : AREA_OUTLINE}
        strokeWidth={selected ? 3 : 1}
        tabIndex={0}
        role="button"
        aria-label={view?.label ?? area.properties.name}
        aria-pressed={selected}
        onClick={() => onSelect(id)}
        onKeyDown={(event) => {
          if (event.key !== 'Enter' && event.key !== ' ') return;
          event.preventDefault();
          onSelect(id);
        }}
      />
      {badge && view ? <SeverityMark style={view.style} x={badge[0]} y={badge[1]} /> : null}
    </svg>
  );
}
