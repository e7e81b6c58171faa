export const BOUNDARY_ATTRIBUTION =
  "Contours des académies : d'après IGN – ADMIN EXPRESS COG 2018 (via gregoiredavid/france-geojson), Licence Ouverte Etalab — données agrégées et simplifiées.";

export const REFERENCE_ATTRIBUTION =
  'Sources : Code de l’éducation (art. R222-2), INSEE COG, ministère de l’Éducation nationale.';

export const CALENDAR_ATTRIBUTION =
  'Calendrier scolaire : ministère de l’Éducation nationale – jeu de données « fr-en-calendrier-scolaire » (data.education.gouv.fr), Licence Ouverte 2.0, version exportée en décembre 2025 ; données retraitées (dates normalisées, regroupement par zone).';
