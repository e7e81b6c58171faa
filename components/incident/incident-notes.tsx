'use client';

import { useFormatter, useTranslations } from 'next-intl';
import { useEffect, useState, type FormEvent } from 'react';

type Note = { id: string; body: string; createdAt: string };
type ApiError = { error?: { message?: string } };

/**
 * A union organisation's private notes on an incident. Read from the API in the browser, so that the public
 * page's HTML never holds them; renders nothing for anyone the API refuses (visitors, other roles).
 */
export function IncidentNotes({ incidentId }: { incidentId: string }) {
  const t = useTranslations('notes');
  const format = useFormatter();
  const [notes, setNotes] = useState<Note[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const url = `/api/incidents/${incidentId}/notes`;

  useEffect(() => {
    let live = true;
    void fetch(url, { cache: 'no-store' }).then(async (res) => {
      if (live && res.ok) setNotes(((await res.json()) as { items: Note[] }).items);
    }).catch(() => {});
    return () => {
      live = false;
    };
  }, [url]);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    setBusy(true);
    setError(null);
    try {
      const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ body: new FormData(form).get('body') }) });
      if (!res.ok) {
        setError(((await res.json()) as ApiError).error?.message ?? t('failed'));
        return;
      }
      const created = (await res.json()) as Note;
      setNotes((list) => [...(list ?? []), created]);
      form.reset();
    } catch {
      setError(t('failed'));
    } finally {
      setBusy(false);
    }
  }

  if (!notes) return null;
  return (
    <section aria-labelledby="titre-notes" className="card incident-notes" data-testid="incident-notes">
      <h2 id="titre-notes">{t('title')}</h2>
      <p>{t('privacy')}</p>
      {notes.length === 0 ? <p>{t('empty')}</p> : (
        <ul>
          {notes.map((n) => (
            <li key={n.id}>
              <p>{n.body}</p>
              <small>{t('by', { date: format.dateTime(new Date(n.createdAt), { dateStyle: 'short', timeStyle: 'short', timeZone: 'Europe/Paris' }) })}</small>
            </li>
          ))}
        </ul>
      )}
      <form onSubmit={submit}>
        <label htmlFor="note-body">{t('label')}</label>
        <textarea id="note-body" name="body" required maxLength={5000} rows={3} />
        {error ? <p role="alert">{error}</p> : null}
        <button type="submit" disabled={busy}>{busy ? t('sending') : t('submit')}</button>
      </form>
    </section>
  );
}
