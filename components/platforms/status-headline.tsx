import { formatTime } from '@/lib/domain/format';
import { STATUS_LABELS } from '@/lib/domain/status';
import type { PlatformStatus } from '@/lib/domain/types';

export type HeadlineItem = {
  platformName: string;
  status: PlatformStatus;
  since: Date;
  scope: string;
  academyCount: number;
};

/** "CNED : panne détectée depuis 09:02, nationale (4 académies)" for each platform in trouble. */
export function StatusHeadline({ items }: { items: HeadlineItem[] }) {
  if (items.length === 0) {
    return <p className="headline headline-ok">Aucune panne détectée en ce moment.</p>;
  }
  return (
    <ul className="headline" aria-label="Pannes en cours">
      {items.map((item) => (
        <li key={item.platformName} className={`headline-item status-${item.status}`}>
          <strong>{item.platformName}</strong> : {STATUS_LABELS[item.status].toLowerCase()} depuis {formatTime(item.since)}
          {item.scope === 'national' ? ', à l’échelle nationale' : item.scope === 'perimeter' ? ', sur tout son territoire' : ''}
          {item.academyCount > 0 ? ` (${item.academyCount} académie${item.academyCount > 1 ? 's' : ''})` : ''}
        </li>
      ))}
    </ul>
  );
}
