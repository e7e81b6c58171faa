/// <reference lib="webworker" />
import { BackgroundSyncPlugin, CacheFirst, ExpirationPlugin, NetworkFirst, NetworkOnly, Serwist, type PrecacheEntry, type RouteMatchCallbackOptions, type SerwistGlobalConfig } from 'serwist';
import { cachePolicy, OFFLINE_PAGES, type CachePolicy } from './cache-policy';

declare global {
  interface WorkerGlobalScope extends SerwistGlobalConfig {
    __SW_MANIFEST: (PrecacheEntry | string)[] | undefined;
  }
}
declare const self: ServiceWorkerGlobalScope;

const REPORT_PAGE_CACHE = 'report-page';

function is(policy: CachePolicy) {
  return ({ url, request, sameOrigin }: RouteMatchCallbackOptions) =>
    cachePolicy({ pathname: url.pathname, method: request.method, navigate: request.mode === 'navigate', sameOrigin }) === policy;
}

const serwist = new Serwist({
  precacheEntries: self.__SW_MANIFEST,
  skipWaiting: true,
  clientsClaim: true,
  disableDevLogs: true,
  runtimeCaching: [
    // A report that could not leave the device is replayed by Background Sync (same idempotency key: stored once).
    { matcher: is('queue-report'), method: 'POST', handler: new NetworkOnly({ plugins: [new BackgroundSyncPlugin('reports', { maxRetentionTime: 7 * 24 * 60 })] }) },
    { matcher: is('never'), handler: new NetworkOnly() },
    { matcher: is('report-page'), handler: new NetworkFirst({ cacheName: REPORT_PAGE_CACHE, networkTimeoutSeconds: 4, matchOptions: { ignoreSearch: true } }) },
    { matcher: is('static'), handler: new CacheFirst({ cacheName: 'static-assets', plugins: [new ExpirationPlugin({ maxEntries: 400, maxAgeSeconds: 60 * 24 * 3600 })] }) },
  ],
});

// The report page is rendered per request (its CSP nonce matches its scripts): keep one copy of each
// language from install on, so /signaler opens with no network even before a first visit.
self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(REPORT_PAGE_CACHE).then((cache) => cache.addAll([...OFFLINE_PAGES])).catch(() => undefined));
});

serwist.addEventListeners();

type PushMessage = { title: string; body: string; url: string };

self.addEventListener('push', (event) => {
  const message = event.data?.json() as PushMessage | undefined;
  if (!message?.title) return;
  event.waitUntil(self.registration.showNotification(message.title, { body: message.body, data: { url: message.url }, icon: '/icons/icon-192.png', lang: 'fr' }));
});

self.addEventListener('notificationclick', (event) => {
  event.notification.close();
  const url = (event.notification.data as { url?: string } | null)?.url ?? '/';
  event.waitUntil(self.clients.openWindow(url));
});
