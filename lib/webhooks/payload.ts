import type { TimelineEventRow } from '@/lib/db/webhooks';
import type { WebhookEvent } from './events';

export type WebhookPayload = {
  /** Unique per event and subscription; the same on every retry (deduplicate on it). */
  id: string;
  type: `incident.${WebhookEvent}`;
  occurredAt: string;
  academyId: string | null;
  incident: {
    id: string;
    platformId: string;
    platformName: string;
    level: string;
    state: string;
    national: boolean;
    academies: string[];
    startedAt: string;
    endedAt: string | null;
    url: string;
  };
};

/** The JSON body sent for one timeline entry; links are absolute when the site origin is configured. */
export function buildPayload(input: { deliveryKey: string; event: WebhookEvent; row: TimelineEventRow; origin: string | null; locale: string }): WebhookPayload {
  const { row } = input;
  const data = (typeof row.data === 'object' && row.data !== null ? row.data : {}) as Record<string, unknown>;
  const path = `${input.locale === 'en' ? '/en' : ''}/incidents/${row.incident.id}`;
  return {
    id: input.deliveryKey,
    type: `incident.${input.event}`,
    occurredAt: row.at.toISOString(),
    academyId: input.event === 'academy_joined' && typeof data.academyId === 'string' ? data.academyId : null,
    incident: {
      id: row.incident.id,
      platformId: row.incident.platformId,
      platformName: row.incident.platformName,
      level: row.incident.level,
      state: row.incident.state,
      national: row.incident.scope === 'national',
      academies: row.incident.academies,
      startedAt: row.incident.startedAt.toISOString(),
      endedAt: row.incident.endedAt?.toISOString() ?? null,
      url: `${input.origin ?? ''}${path}`,
    },
  };
}
