import { useTranslations } from 'next-intl';
import type { SeverityStyle } from '@/lib/map-view/severity-style';
import { SeveritySwatch } from './severity-swatch';

/** Swatch (colour and hatching) plus the level in words: colour is never the only cue. */
export function SeverityLabel({ style, compact = false }: { style: SeverityStyle; compact?: boolean }) {
  const t = useTranslations('home.severity');
  const key = style.served ? style.severity : 'unserved';
  return (
    <span className={`severity-label severity-${key}${compact ? ' severity-label-compact' : ''}`} data-severity={style.served ? style.severity : 'non-desservie'}>
      <SeveritySwatch style={style} size={compact ? 12 : 16} />
      {t(key)}
    </span>
  );
}
