import type { LedgerProblem } from './check-ledger';
import { formatDayFr } from './paris-day';

/** One plain-French line per problem: which entry, digest or day no longer matches. */
export function describeLedgerProblem(p: LedgerProblem): string {
  switch (p.kind) {
    case 'entry_changed':
      return `entrée n° ${p.seq} du registre du ${formatDayFr(p.day)} modifiée (son empreinte ne correspond plus)`;
    case 'digest_hash':
      return `condensé n° ${p.digestId} (${formatDayFr(p.day)}) modifié`;
    case 'digest_signature':
      return `signature du condensé n° ${p.digestId} (${formatDayFr(p.day)}) invalide pour la clé publique de l’instance`;
    case 'chain_broken':
      return `chaîne rompue au condensé n° ${p.digestId} (${formatDayFr(p.day)}) : il ne cite pas le condensé précédent`;
    case 'day_root':
      return `registre du ${formatDayFr(p.day)} différent du condensé n° ${p.digestId} publié (${p.expected} entrées attendues, ${p.found} trouvées ou racine différente)`;
    case 'report_deleted':
      return `signalement ${p.id} (entrée n° ${p.seq} du registre du ${formatDayFr(p.day)}) supprimé de la base`;
    case 'report_absent':
      return `signalement ${p.id} absent du registre`;
    case 'report_changed':
      return `signalement ${p.id} modifié dans la base depuis son inscription au registre`;
  }
}
