import type { PlatformKind, ProblemCategory, ReporterRole } from './types';

export const PROBLEM_LABELS: Record<ProblemCategory, string> = {
  unreachable: 'Le site ne s’ouvre pas',
  login: 'Impossible de se connecter',
  slow: 'Très lent',
  error_page: 'Page d’erreur',
  feature_homework: 'Cahier de textes / devoirs en panne',
  feature_messages: 'Messagerie en panne',
  feature_marks: 'Notes en panne',
  feature_visio: 'Visio / classe virtuelle en panne',
  feature_documents: 'Documents / ressources en panne',
  other: 'Autre problème',
};

export const ROLE_LABELS: Record<ReporterRole, string> = {
  parent: 'Parent',
  pupil: 'Élève',
  teacher: 'Enseignant·e',
  other: 'Autre',
};

export const KIND_LABELS: Record<PlatformKind, string> = {
  ENT: 'Espace numérique de travail',
  'vie-scolaire': 'Vie scolaire',
  'cours-a-distance': 'Cours à distance',
  identity: 'Identité / connexion',
  visio: 'Visioconférence',
  orientation: 'Orientation',
  teleservices: 'Téléservices',
  ressources: 'Ressources pédagogiques',
};
