import Link from 'next/link';
import { useTranslations } from 'next-intl';
import type { ActiveWindow } from '@/lib/series/page-window';
import { WINDOW_PRESETS } from '@/lib/series/window';

/** Links to the preset windows and a day picker: plain GET navigation, so it works without JavaScript. */
export function WindowPicker({ path, active, today }: { path: string; active: ActiveWindow; today: string }) {
  const t = useTranslations('charts.window');
  return (
    <div className="window-picker">
      <nav aria-label={t('label')}>
        <ul>
          {WINDOW_PRESETS.map((preset) => {
            const current = active.kind === 'preset' && active.preset === preset;
            return (
              <li key={preset}>
                <Link href={`${path}?fenetre=${preset}`} scroll={false} aria-current={current ? 'true' : undefined} className={current ? 'current' : undefined}>
                  {t(preset)}
                </Link>
              </li>
            );
          })}
          {active.kind === 'custom' ? (
            <li>
              <span aria-current="true" className="current">
                {t('custom')}
              </span>
            </li>
          ) : null}
        </ul>
      </nav>
      <form action={path} method="get" className="window-date">
        <label htmlFor="window-date">{t('date')}</label>
        <input id="window-date" type="date" name="date" max={today} min="2000-01-01" defaultValue={active.kind === 'date' ? active.date : undefined} required />
        <button type="submit" className="button-secondary">
          {t('show')}
        </button>
      </form>
    </div>
  );
}
