import type { Metadata } from 'next';
import Link from 'next/link';
import { AccessDenied } from '@/components/admin/access-denied';
import { AUDIT_ACTIONS } from '@/lib/domain/audit';
import { journalQuerySchema, readJournal } from '@/lib/audit/journal';
import { deniedMessage, guardPage, type PageQuery } from '@/lib/auth/page-guard';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Journal' };

function json(value: unknown): string {
  return value === null || value === undefined ? '' : JSON.stringify(value, null, 1);
}

export default async function JournalPage(props: PageQuery) {
  if (!(await guardPage('audit.read', '/admin/journal'))) return <AccessDenied message={await deniedMessage('audit.read')} />;
  const query = journalQuerySchema.parse(await props.searchParams);
  const journal = await readJournal(query);
  const next = new URLSearchParams({ ...(query.action ? { action: query.action } : {}), ...(journal.nextCursor ? { before: journal.nextCursor } : {}) });
  return (
    <>
      <h1>Journal des actions</h1>
      <p className="admin-muted">
        Chaque ligne est chaînée à la précédente (SHA-256) : une ligne modifiée ou supprimée se voit à la vérification.
      </p>
      <form className="admin-form-inline" method="get">
        <select name="action" defaultValue={query.action ?? ''} aria-label="Action">
          <option value="">toutes les actions</option>
          {AUDIT_ACTIONS.map((a) => (
            <option key={a}>{a}</option>
          ))}
        </select>
        <label className="admin-checks">
          <input type="checkbox" name="verify" value="1" defaultChecked={Boolean(query.verify)} /> vérifier la chaîne
        </label>
        <button type="submit" className="admin-btn">
          Afficher
        </button>
      </form>
      {journal.check ? (
        <p role="status" className={journal.check.ok ? 'admin-result-ok' : 'admin-result-error'}>
          {journal.check.ok
            ? `Chaîne intacte : ${journal.check.checked} lignes vérifiées${journal.check.unsealed ? `, ${journal.check.unsealed} sans empreinte` : ''}.`
            : `Chaîne rompue à la ligne ${journal.check.brokenAt} (${journal.check.problem}).`}
        </p>
      ) : null}
      <table className="admin-table">
        <thead>
          <tr>
            <th>Quand (UTC)</th>
            <th>Qui</th>
            <th>Quoi</th>
            <th>Cible</th>
            <th>Avant → après</th>
            <th>Pourquoi</th>
          </tr>
        </thead>
        <tbody>
          {journal.items.map((row) => (
            <tr key={row.id}>
              <td>{row.at.toISOString().replace('T', ' ').slice(0, 19)}</td>
              <td>{row.actorLabel}</td>
              <td>{row.action}</td>
              <td>
                {row.targetType} {row.targetId}
              </td>
              <td className="admin-json">
                {json(row.before)}
                {row.before !== null && row.after !== null ? ' → ' : ''}
                {json(row.after)}
              </td>
              <td>{row.reason ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {journal.nextCursor ? <Link href={`/admin/journal?${next.toString()}`}>Plus anciennes</Link> : null}
    </>
  );
}
