export const WEBHOOK_EVENTS = ['opened', 'level_changed', 'academy_joined', 'closed'] as const;
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];

/** The incident timeline kinds (incident_event.kind) that subscribers hear about. */
const FROM_TIMELINE: Record<string, WebhookEvent> = {
  started: 'opened',
  reopened: 'opened',
  detected: 'level_changed',
  academy_joined: 'academy_joined',
  closed: 'closed',
  dismissed: 'closed',
};

export function webhookEventOf(kind: string): WebhookEvent | null {
  return FROM_TIMELINE[kind] ?? null;
}

export type SubscriptionFilter = { platformIds: readonly string[]; academyIds: readonly string[]; events: readonly string[] };
export type IncidentFacts = { platformId: string; national: boolean; academies: readonly string[] };

/**
 * Whether a subscription hears an event: its kind is chosen, the platform is in the filter (or none),
 * and the incident touches a chosen académie (a national incident touches all; an académie joining
 * is heard only where it joined).
 */
export function matchesSubscription(filter: SubscriptionFilter, event: WebhookEvent, incident: IncidentFacts, joinedAcademy: string | null): boolean {
  if (!filter.events.includes(event)) return false;
  if (filter.platformIds.length > 0 && !filter.platformIds.includes(incident.platformId)) return false;
  if (filter.academyIds.length === 0) return true;
  if (event === 'academy_joined') return joinedAcademy !== null && filter.academyIds.includes(joinedAcademy);
  return incident.national || incident.academies.some((a) => filter.academyIds.includes(a));
}
