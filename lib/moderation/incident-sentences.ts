import type { TimelineItem } from '@/lib/dashboard/incident-timeline';
import { formatCount, formatDateTime, formatTime } from '@/lib/domain/format';

const list = new Intl.ListFormat('fr', { style: 'long', type: 'conjunction' });
const DAY_MS = 86_400_000;

/** "à 09:14" on the incident's first day, "le 7 avril 2021 à 09:14" after it (Paris time). */
function moment(at: number, firstDay: number): string {
  const date = new Date(at);
  const sameParisDay = formatDateTime(date).split(' à ')[0] === formatDateTime(new Date(firstDay)).split(' à ')[0];
  return at - firstDay < DAY_MS && sameParisDay ? `à ${formatTime(date)}` : `le ${formatDateTime(date)}`;
}

/**
 * One timeline item as a French sentence for the moderators' incident list, with names and Paris
 * times: « Paris a rejoint l’incident à 09:14 ». `academyName` maps an id to its name.
 */
export function incidentSentence(item: TimelineItem, ctx: { academyName: (id: string) => string; startedAt: number }): string {
  const when = moment(item.at, ctx.startedAt);
  switch (item.kind) {
    case 'started':
      return `Début des signalements anormaux ${when}`;
    case 'possible':
      return `Problème possible repéré ${when}`;
    case 'detected':
      return `Panne détectée ${when}`;
    case 'academies_joined': {
      const names = item.academies.map(ctx.academyName);
      return `${list.format(names)} ${names.length > 1 ? 'ont' : 'a'} rejoint l’incident ${when}`;
    }
    case 'peak':
      return `Pic de ${formatCount(item.reporters)} signalant${item.reporters > 1 ? 's' : ''} dans la minute ${when}`;
    case 'closed':
      return `Retour à la normale ${when}`;
    case 'reopened':
      return `Reprise des signalements ${when}`;
    case 'annotated':
      return `Note de la modération ${when} : ${item.note}`;
    case 'dismissed':
      return item.reason ? `Écarté par la modération ${when} : ${item.reason}` : `Écarté par la modération ${when}`;
    case 'merged_into':
      return `Fusionné dans un autre incident du même service ${when}`;
    case 'merged_from':
      return `Un incident en double a été fusionné ici ${when}`;
    case 'split_into':
      return `Une partie des académies a été séparée dans un nouvel incident ${when}`;
    case 'split_from':
      return `Séparé d’un autre incident ${when}`;
  }
}

export const INCIDENT_STATE_LABELS: Record<string, string> = { open: 'en cours', closed: 'terminé', dismissed: 'écarté', merged: 'fusionné' };
export const INCIDENT_LEVEL_LABELS: Record<string, string> = { possible: 'problème possible', detected: 'panne détectée' };
