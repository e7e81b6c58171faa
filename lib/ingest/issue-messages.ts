export const FIELD_ISSUE_MESSAGES = {
  body_invalid: 'Le signalement doit être un objet JSON.',
  unknown_field: 'Champ inconnu.',
  platform_required: 'Choisissez le service en panne.',
  platform_invalid: 'Identifiant de service invalide.',
  platform_unknown: 'Ce service n’est pas dans notre liste.',
  platform_retired: 'Ce service n’existe plus.',
  platform_not_in_academy: 'Ce service n’est pas utilisé dans cette académie.',
  academy_required: 'Choisissez votre académie.',
  academy_invalid: 'Identifiant d’académie invalide.',
  academy_unknown: 'Cette académie n’existe pas.',
  category_required: 'Choisissez le type de problème.',
  category_invalid: 'Type de problème invalide.',
  role_invalid: 'Rôle invalide.',
  comment_invalid: 'Commentaire invalide.',
  comment_too_long: 'Le commentaire dépasse 500 caractères.',
  comment_control_chars: 'Le commentaire contient des caractères non autorisés.',
  idempotency_key_required: 'Clé de signalement manquante : rechargez la page.',
  idempotency_key_invalid: 'Clé de signalement invalide : rechargez la page.',
  observed_at_invalid: 'Date d’observation invalide.',
  observed_at_future:
    'La date d’observation est dans le futur : vérifiez l’heure de votre appareil.',
  observed_at_too_old: 'Ce signalement date de plus de 24 heures et ne peut plus être envoyé.',
  device_token_invalid: 'Identifiant d’appareil invalide.',
  website_invalid: 'Champ invalide.',
  pow_required: 'Beaucoup de signalements arrivent en ce moment : une courte vérification anti-robot est nécessaire.',
  pow_invalid: 'La vérification anti-robot a échoué ou a expiré : réessayez.',
} as const;

export type FieldIssueCode = keyof typeof FIELD_ISSUE_MESSAGES;

export type FieldIssue = { field: string; code: FieldIssueCode; message: string };

export function fieldIssue(field: string, code: FieldIssueCode): FieldIssue {
  return { field, code, message: FIELD_ISSUE_MESSAGES[code] };
}
