import type { Metadata } from 'next';
import { AccessDenied } from '@/components/admin/access-denied';
import { ActionForm } from '@/components/admin/action-form';
import { IdAction } from '@/components/admin/id-action';
import { deniedMessage, guardPage } from '@/lib/auth/page-guard';
import { ACADEMY_TIME_ZONES } from '@/lib/calendar/time-zones';
import { EXCEPTIONAL_FACTOR_MAX, EXCEPTIONAL_FACTOR_MIN } from '@/lib/detect/exceptional-day-schema';
import { listUpcomingExceptionalDays } from '@/lib/detect/exceptional-days';
import { declareExceptionalDayAction, removeExceptionalDayAction } from './actions';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Jours exceptionnels' };

export default async function ExceptionalDaysPage() {
  if (!(await guardPage('settings.manage', '/admin/jours-exceptionnels'))) return <AccessDenied message={await deniedMessage('settings.manage')} />;
  const days = await listUpcomingExceptionalDays();
  return (
    <>
      <h1>Jours exceptionnels</h1>
      <p className="admin-muted">
        Un jour entier à un autre niveau (enseignement à distance, grève, examens, pont) n’est pas une panne. Déclarez-le avec le
        facteur attendu : la détection attend alors ce multiple des signalements habituels ce jour-là. Chaque déclaration est
        inscrite au journal.
      </p>
      <table className="admin-table">
        <thead>
          <tr>
            <th>Date</th>
            <th>Portée</th>
            <th>Facteur</th>
            <th>Raison</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {days.map((day) => (
            <tr key={day.id}>
              <td>{day.date}</td>
              <td>{day.scope === 'national' ? 'toute la France' : day.scope}</td>
              <td>× {day.factor}</td>
              <td>{day.label}</td>
              <td>
                <IdAction action={removeExceptionalDayAction} id={day.id} label="Retirer" danger />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <section className="admin-card">
        <h2>Déclarer un jour</h2>
        <ActionForm action={declareExceptionalDayAction} submitLabel="Enregistrer">
          <label>
            Date
            <input type="date" name="date" required />
          </label>
          <label>
            Portée
            <select name="scope" defaultValue="national">
              <option value="national">toute la France</option>
              {Object.keys(ACADEMY_TIME_ZONES).map((id) => (
                <option key={id} value={id}>
                  {id}
                </option>
              ))}
            </select>
          </label>
          <label>
            Facteur attendu (1,5 = moitié plus de signalements qu’un jour ordinaire)
            <input type="number" name="factor" required step="0.05" min={EXCEPTIONAL_FACTOR_MIN} max={EXCEPTIONAL_FACTOR_MAX} />
          </label>
          <label>
            Raison
            <input type="text" name="label" required maxLength={120} />
          </label>
        </ActionForm>
      </section>
    </>
  );
}
