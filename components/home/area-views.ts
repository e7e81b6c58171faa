import type { AreaView } from '@/components/map/academy-layer';
import type { MapState } from '@/lib/map-state/types';
import type { HomeCatalog, NameLookup } from '@/lib/map-view/catalog';
import { severityStyle } from '@/lib/map-view/severity-style';
import { academyArgs } from './academy-text';

type Translate = (key: string, values?: Record<string, string | number>) => string;

/** Style, accessible name and badge position of every académie on the map. */
export function areaViews(state: Pick<MapState, 'academies'>, catalog: HomeCatalog, names: NameLookup, t: Translate, number: (n: number) => string, nationalNote?: (count: number) => string): Map<string, AreaView> {
  const places = new Map(catalog.academies.map((a) => [a.id, [a.lat, a.lon] as [number, number]]));
  const views = new Map<string, AreaView>();
  for (const a of state.academies) {
    const served = a.served !== false;
    const style = severityStyle(a.severity, a.intensity, served);
    const args = academyArgs(names, a.academyId);
    const national = a.platforms.filter((p) => p.national).length;
    const label = served
      ? t('academy.areaLabel', { ...args, severity: t(`severity.${a.severity}`), reporters: a.reporters, expected: number(a.expected) }) +
        (national > 0 && nationalNote ? ` ${nationalNote(national)}` : '')
      : t('academy.areaUnserved', args);
    views.set(a.academyId, { style, label, mark: places.get(a.academyId) ?? null });
  }
  return views;
}
