import type { Metadata } from 'next';
import { BOUNDARY_ATTRIBUTION, CALENDAR_ATTRIBUTION, REFERENCE_ATTRIBUTION } from '@/lib/geo/attribution';

export const metadata: Metadata = { title: 'Sources et licences', description: 'Origine et licences des données de référence.' };

export default function SourcesPage() {
  return (
    <article>
      <h1>Sources et licences des données</h1>
      <ul>
        <li>{BOUNDARY_ATTRIBUTION}</li>
        <li>{REFERENCE_ATTRIBUTION}</li>
        <li>{CALENDAR_ATTRIBUTION}</li>
        <li>
          Catalogue des plateformes : compilation propre au projet à partir de sources publiques ; les noms de
          produits appartiennent à leurs détenteurs.
        </li>
        <li>Jours fériés : bibliothèque date-holidays (y compris les jours fériés d’Alsace-Moselle).</li>
        <li>Codes postaux et communes : paquet @etalab/decoupage-administratif (Etalab, Licence Ouverte).</li>
      </ul>
    </article>
  );
}
