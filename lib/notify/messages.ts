export type NotifyState = 'down' | 'up';
export type NotifyLocale = 'fr' | 'en';

/** The timeline kinds (incident_event.kind) that subscribers are told about. */
const FROM_TIMELINE: Record<string, NotifyState> = { started: 'down', detected: 'down', closed: 'up' };

export function notifyStateOf(kind: string): NotifyState | null {
  return FROM_TIMELINE[kind] ?? null;
}

export function toNotifyLocale(locale: string): NotifyLocale {
  return locale === 'en' ? 'en' : 'fr';
}

export type NotificationText = { title: string; body: string; url: string };

const TEXT = {
  fr: {
    down: (p: string) => ({ title: `${p}\u00a0: panne détectée`, body: `Des signalements indiquent que ${p} ne fonctionne pas. Nous vous préviendrons quand le service remarche.` }),
    up: (p: string) => ({ title: `${p}\u00a0: le service remarche`, body: `Les signalements sont revenus à la normale pour ${p}.` }),
  },
  en: {
    down: (p: string) => ({ title: `${p}: outage detected`, body: `Reports show that ${p} is not working. We will tell you when it works again.` }),
    up: (p: string) => ({ title: `${p} is working again`, body: `Reports are back to normal for ${p}.` }),
  },
} as const;

/** The notification for one incident state, in the subscriber's language, linking to the incident page. */
export function buildNotification(input: { state: NotifyState; locale: NotifyLocale; platformName: string; incidentId: string; origin: string }): NotificationText {
  const text = TEXT[input.locale][input.state](input.platformName);
  const path = `${input.locale === 'en' ? '/en' : ''}/incidents/${input.incidentId}`;
  return { ...text, url: new URL(path, input.origin).toString() };
}

export const SUBSCRIPTION_IDLE_MS = 183 * 24 * 3_600_000;
export const UNCONFIRMED_EMAIL_MS = 7 * 24 * 3_600_000;

/** An e-mail address never confirmed is forgotten after a week. */
export function unconfirmedCutoff(now: Date): Date {
  return new Date(now.getTime() - UNCONFIRMED_EMAIL_MS);
}

/** Subscriptions not notified of an outage for six months are deleted. */
export function idleCutoff(now: Date): Date {
  return new Date(now.getTime() - SUBSCRIPTION_IDLE_MS);
}


/** A push service answering 404 or 410 means the browser unsubscribed: the subscription is deleted. */
export function isGonePushStatus(status: number): boolean {
  return status === 404 || status === 410;
}
