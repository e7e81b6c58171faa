'use client';

import { useEffect, useState, type FormEvent } from 'react';

type Option = { id: string; name: string };
export type DossierItem = { id: string; title: string; state: string; progress: number; error: string | null; reportCount: number | null; sizeBytes: number | null; sha256: string | null; createdAt: string; expiresAt: string | null; downloadUrl: string | null };

const STATE_LABELS: Record<string, string> = { queued: 'en attente', building: 'en construction', ready: 'prêt', failed: 'échec', expired: 'expiré' };

function values(form: HTMLFormElement, name: string): string[] {
  return new FormData(form).getAll(name).map(String);
}

/** The dossier form and the organisation's dossiers, refreshed while one is being built. */
export function DossierPanel({ platforms, academies, initial }: { platforms: Option[]; academies: Option[]; initial: DossierItem[] }) {
  const [items, setItems] = useState(initial);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const pending = items.some((d) => d.state === 'queued' || d.state === 'building');

  useEffect(() => {
    if (!pending) return;
    const timer = setInterval(async () => {
      const res = await fetch('/api/dossiers', { cache: 'no-store' });
      if (res.ok) setItems(((await res.json()) as { items: DossierItem[] }).items);
    }, 2000);
    return () => clearInterval(timer);
  }, [pending]);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    setBusy(true);
    setError(null);
    const k = String(data.get('k') ?? '').trim();
    const res = await fetch('/api/dossiers', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        title: data.get('title'), notes: data.get('notes'), from: data.get('from'), to: data.get('to'),
        platforms: values(form, 'platforms'), academies: values(form, 'academies'), k: k === '' ? null : Number(k),
      }),
    });
    setBusy(false);
    if (!res.ok) {
      setError(((await res.json()) as { error?: { message?: string } }).error?.message ?? 'Demande refusée.');
      return;
    }
    const created = (await res.json()) as DossierItem;
    setItems((list) => [created, ...list]);
  }

  return (
    <>
      <section className="admin-card">
        <h2>Nouveau dossier</h2>
        <form onSubmit={submit}>
          <label>Titre <input name="title" required maxLength={200} /></label>
          <label>Notes (reprises dans le rapport) <textarea name="notes" maxLength={5000} rows={3} /></label>
          <label>Du <input type="date" name="from" required /></label>
          <label>au <input type="date" name="to" required /></label>
          <fieldset>
            <legend>Services</legend>
            {platforms.map((p) => (
              <label key={p.id}><input type="checkbox" name="platforms" value={p.id} /> {p.name}</label>
            ))}
          </fieldset>
          <fieldset>
            <legend>Académies (aucune cochée = toutes)</legend>
            {academies.map((a) => (
              <label key={a.id}><input type="checkbox" name="academies" value={a.id} /> {a.name}</label>
            ))}
          </fieldset>
          <label>Anonymat : retirer les cases de moins de k signalements (facultatif, 2 à 50) <input type="number" name="k" min={2} max={50} /></label>
          {error ? <p role="alert">{error}</p> : null}
          <button type="submit" disabled={busy}>{busy ? 'Envoi…' : 'Construire le dossier'}</button>
        </form>
      </section>
      <h2>Dossiers de votre organisation</h2>
      <table className="admin-table">
        <thead>
          <tr><th>Titre</th><th>Demandé</th><th>État</th><th>Signalements</th><th>Téléchargement</th></tr>
        </thead>
        <tbody aria-live="polite">
          {items.map((d) => (
            <tr key={d.id}>
              <td>{d.title}</td>
              <td>{new Date(d.createdAt).toLocaleString('fr-FR')}</td>
              <td>
                {STATE_LABELS[d.state] ?? d.state}
                {d.state === 'building' ? <progress max={100} value={d.progress} aria-label="Avancement">{d.progress} %</progress> : null}
                {d.error ? ` : ${d.error}` : null}
              </td>
              <td>{d.reportCount ?? '—'}</td>
              <td>
                {d.downloadUrl ? <a href={d.downloadUrl} download>ZIP ({Math.ceil((d.sizeBytes ?? 0) / 1024)} ko)</a> : '—'}
                {d.expiresAt && d.state === 'ready' ? <small> jusqu’au {new Date(d.expiresAt).toLocaleDateString('fr-FR')}</small> : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
