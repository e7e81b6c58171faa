import { academyComplement } from '@/lib/report-client/report-text';
import type { NameLookup } from '@/lib/map-view/catalog';

/** Message arguments naming an académie: `name` (English) and `complement` (« de Paris », « d’Amiens »). */
export function academyArgs(names: NameLookup, id: string): { name: string; complement: string } {
  const name = names.academy(id);
  return { name, complement: academyComplement({ id, name }) };
}
