/** The report's « Méthode » and « Limites » sections: plain words for readers who are not statisticians. */
export const METHOD_PARAGRAPHS = [
  'Un signalement est une déclaration anonyme « ça ne marche pas » envoyée depuis le site par un parent, un élève ou un enseignant : un service (ENT, PRONOTE, CNED…), une académie, un type de problème, l’heure. Aucun nom, aucune adresse IP, aucun identifiant d’appareil n’est conservé dans ce dossier.',
  'Doublons et rafales. Un même appareil ou une même connexion ne compte qu’une fois par service et par heure (« déclarants distincts »). Les envois répétés en rafale, les textes copiés-collés et les robots détectés sont enregistrés mais ne comptent pas : la colonne « counted » dit si un signalement compte, la colonne « flag » dit pourquoi il ne compte pas.',
  'Niveau habituel. Pour chaque service et chaque académie, le site apprend combien de déclarants on observe d’ordinaire à chaque moment de la semaine, en tenant compte des vacances scolaires et des jours fériés. La bande grise des graphiques est cette plage habituelle (environ 95 % des cas) ; la courbe est ce qui a été observé.',
  'Détection. Un incident est ouvert quand le nombre de déclarants dépasse nettement la plage habituelle pendant plusieurs minutes et qu’un nombre minimal de personnes distinctes se sont signalées. Il se termine quand le niveau revient à la normale. Les modérateurs peuvent fusionner, scinder ou écarter un incident ; ces décisions figurent dans la chronologie.',
  'Modération. Un signalement masqué par la modération n’est jamais effacé : il reste dans ce dossier avec la mention « hidden » et sa raison. Seuls les commentaires approuvés par la modération sont reproduits.',
  'Preuve. Chaque signalement accepté est inscrit dans un registre public au moment où il est reçu. Chaque jour, l’empreinte de ce registre est signée et publiée sur la page /preuves. Le fichier manifest.json permet à quiconque de vérifier, sans connexion, que ce dossier n’a pas été modifié et que chaque signalement était bien au registre du jour (npm run verify:dossier, ou la page /verifier).',
];

export const LIMITS_PARAGRAPHS = [
  'Les signalements viennent de personnes qui connaissent le site et pensent à l’utiliser : ils mesurent une gêne ressentie, pas la disponibilité technique mesurée par l’éditeur. Un petit nombre de signalements ne prouve pas qu’un service fonctionnait pour tous.',
  'L’académie est déduite de la commune ou de la position indiquée par le déclarant, et peut être fausse. Les heures sont celles de réception par le serveur.',
  'Le niveau habituel est appris sur l’historique disponible : au début, ou pour un service peu utilisé, il est approximatif et la détection est plus prudente.',
];

export function kAnonymityParagraph(k: number | null, suppressed: number): string | null {
  if (k === null) return null;
  return `Protection de l’anonymat : les cases (service × académie × heure) comptant moins de ${k} signalements ont été retirées de ce dossier (${suppressed} signalement(s) retiré(s)). Les totaux ci-dessus portent sur les signalements conservés.`;
}
