'use client';

import { useEffect, useRef, useState, type ReactNode } from 'react';

const NEXT = new Set(['j', 'ArrowDown']);
const PREVIOUS = new Set(['k', 'ArrowUp']);
const BUTTONS: Record<string, string> = { p: 'publish', m: 'hide', u: 'undo' };

function isTyping(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));
}

/**
 * Keyboard work on the queue: j/↓ next comment, k/↑ previous, p publish, m hide, x tick, u undo the
 * last action. The current row stays at its position, so after a publish the next comment is current.
 */
export function QueueKeys({ children }: { children: ReactNode }) {
  const box = useRef<HTMLDivElement>(null);
  const [current, setCurrent] = useState(0);
  useEffect(() => {
    const rows = () => [...(box.current?.querySelectorAll<HTMLElement>('[data-queue-row]') ?? [])];
    const list = rows();
    list.forEach((row, i) => row.setAttribute('aria-current', i === Math.min(current, list.length - 1) ? 'true' : 'false'));
    function onKey(event: KeyboardEvent) {
      if (event.ctrlKey || event.metaKey || event.altKey || isTyping(event.target)) return;
      const all = rows();
      const index = Math.min(current, Math.max(0, all.length - 1));
      const row = all[index];
      if (NEXT.has(event.key) || PREVIOUS.has(event.key)) {
        event.preventDefault();
        const next = Math.max(0, Math.min(all.length - 1, index + (NEXT.has(event.key) ? 1 : -1)));
        setCurrent(next);
        all[next]?.scrollIntoView({ block: 'nearest' });
      } else if (event.key === 'x' && row) {
        row.querySelector<HTMLInputElement>('input[type="checkbox"]')?.click();
      } else if (event.key in BUTTONS) {
        const scope = event.key === 'u' ? document : row;
        scope?.querySelector<HTMLButtonElement>(`button[data-shortcut="${BUTTONS[event.key]}"]`)?.click();
      }
    }
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  });
  return (
    <div ref={box} className="queue-keys">
      <p className="admin-muted" id="queue-shortcuts">
        Raccourcis : <kbd>j</kbd>/<kbd>↓</kbd> suivant, <kbd>k</kbd>/<kbd>↑</kbd> précédent, <kbd>p</kbd> publier, <kbd>m</kbd> masquer,{' '}
        <kbd>x</kbd> cocher, <kbd>u</kbd> annuler la dernière action.
      </p>
      {children}
    </div>
  );
}
