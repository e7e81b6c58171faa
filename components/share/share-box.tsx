'use client';

import { useTranslations } from 'next-intl';
import { useEffect, useRef, useState } from 'react';

type Props = { text: string; permalink: string; mapHref: string };

/**
 * A ready-to-paste summary with a copy button, the permalink and the map at the incident's start.
 * A relative permalink (no public URL configured) is completed with the page's own origin.
 */
export function ShareBox({ text: serverText, permalink: path, mapHref }: Props) {
  const t = useTranslations('incidentPage.share');
  const area = useRef<HTMLTextAreaElement>(null);
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  const [origin, setOrigin] = useState<string | null>(null);
  useEffect(() => setOrigin(window.location.origin), []);
  const permalink = path.startsWith('/') && origin ? `${origin}${path}` : path;
  const text = permalink === path ? serverText : serverText.replace(path, permalink);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setState('copied');
    } catch {
      area.current?.select();
      setState('failed');
    }
  };
  return (
    <div className="share-box">
      <label htmlFor="share-text">{t('label')}</label>
      <textarea id="share-text" ref={area} readOnly value={text} rows={4} onFocus={(e) => e.currentTarget.select()} />
      <div className="share-actions">
        <button type="button" className="button-secondary" onClick={copy}>
          {t('copy')}
        </button>
        <span role="status">{state === 'copied' ? t('copied') : state === 'failed' ? t('copyFailed') : ''}</span>
      </div>
      <p>
        {t('permalink')}{' '}
        <a href={permalink} className="share-permalink">
          {permalink}
        </a>
      </p>
      <p>
        <a href={mapHref}>{t('map')}</a>
      </p>
    </div>
  );
}
