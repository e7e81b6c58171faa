'use client';

import { Serwist } from '@serwist/window';
import { useEffect } from 'react';

/**
 * Registers the service worker (production only): the report page then opens offline and reports
 * queued without network are replayed by Background Sync. Never on framed embeds (another site's page).
 */
export function ServiceWorker({ enabled }: { enabled: boolean }) {
  useEffect(() => {
    if (!enabled || !('serviceWorker' in navigator) || window.self !== window.top) return;
    const sw = new Serwist('/serwist/sw.js', { scope: '/', type: 'module' });
    void sw.register().catch(() => undefined);
  }, [enabled]);
  return null;
}
