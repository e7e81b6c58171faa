import type { ProblemCategory } from '@/lib/domain/types';

/** Short French comments per problem category; `{since}` is the outage start, e.g. "8h30". */
export const PHRASES: Record<ProblemCategory, readonly string[]> = {
  unreachable: [
    'Le site ne répond plus du tout',
    'Accès momentanément indisponible',
    'Erreur 503 depuis {since}',
    'Ça tourne dans le vide',
  ],
  login: [
    'Impossible de me connecter depuis {since}',
    'Le quota de connexion a été atteint',
    'Mot de passe refusé alors qu’il est bon',
    'Déconnecté toutes les deux minutes',
  ],
  slow: ['Très lent depuis {since}', 'Ça rame énormément', 'Chargement interminable'],
  error_page: ["Page blanche sur l'ENT", 'Message d’erreur à chaque clic', 'Erreur 500 en boucle'],
  feature_homework: ['Le cahier de textes ne s’affiche pas', 'Impossible de rendre le devoir'],
  feature_messages: ['La messagerie ne s’ouvre pas', 'Messages envoyés qui disparaissent'],
  feature_marks: ["Je n'arrive pas à voir les notes", 'Les notes ne se chargent pas'],
  feature_visio: ['La classe virtuelle coupe sans arrêt', "Impossible d'ouvrir la visio"],
  feature_documents: ['Impossible de télécharger le document', 'Pièces jointes illisibles'],
  other: ["L'application plante au démarrage", 'Ça ne marche pas'],
};

/** "8h30" / "14h" label of a local minute of day. */
export function formatSince(localMinute: number): string {
  const hours = Math.floor(localMinute / 60);
  const minutes = localMinute % 60;
  return minutes === 0 ? `${hours}h` : `${hours}h${String(minutes).padStart(2, '0')}`;
}
