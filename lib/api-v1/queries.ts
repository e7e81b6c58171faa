import { querySchema } from './params';

export const noQuery = querySchema();
export const incidentsQuery = querySchema('plateforme', 'academie', 'de', 'a', 'niveau', 'etat', 'curseur', 'limite');
export const countsQuery = querySchema('plateforme', 'academie', 'categorie', 'de', 'a', 'pas', 'curseur', 'limite');
export const countsExportQuery = querySchema('plateforme', 'academie', 'categorie', 'de', 'a', 'pas', 'format', 'bom', 'separateur');
export const reportsExportQuery = querySchema('plateforme', 'academie', 'categorie', 'de', 'a', 'format', 'bom', 'separateur');
