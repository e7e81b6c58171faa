import { useTranslations } from 'next-intl';
import type { IncidentLevel, PlatformStatus } from '@/lib/domain/types';

const FROM_LEVEL: Record<IncidentLevel, PlatformStatus> = { possible: 'degraded', detected: 'outage' };

/** Status in words with a shape (not colour alone): ● normal, ▲ problème possible, ■ panne. */
export function StatusBadge({ status, level }: { status?: PlatformStatus; level?: IncidentLevel }) {
  const t = useTranslations('dashboard.status');
  const value: PlatformStatus = status ?? (level ? FROM_LEVEL[level] : 'operational');
  return (
    <span className={`status-badge status-${value}`}>
      <span className="status-mark" aria-hidden="true" />
      {t(value)}
    </span>
  );
}
