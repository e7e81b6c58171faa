/** Every audited verb, as "target.verb"; the journal filters on these. */
export const AUDIT_ACTIONS = [
  'auth.sign_in',
  'auth.sign_out',
  'auth.second_factor',
  'account.password_changed',
  'account.password_reset',
  'account.email_change_requested',
  'account.email_changed',
  'account.totp_enabled',
  'account.recovery_codes_renewed',
  'user.created',
  'user.roles_changed',
  'user.disabled',
  'user.enabled',
  'user.sessions_revoked',
  'user.reset_link_issued',
  'user.totp_reset',
  'report.approved',
  'report.hidden',
  'report.restored',
  'comment.approved',
  'comment.hidden',
  'comment.restored',
  'source.hidden',
  'comments.approved',
  'comments.hidden',
  'moderation.undone',
  'incident.annotated',
  'incident.dismissed',
  'incident.merged',
  'incident.split',
  'platform.created',
  'platform.updated',
  'platform.retired',
  'platform.restored',
  'apikey.created',
  'apikey.revoked',
  'settings.updated',
  'webhook.created',
  'webhook.deleted',
  'webhook.reactivated',
  'exceptional_day.declared',
  'exceptional_day.removed',
  'organisation.created',
  'organisation.member_set',
  'organisation.member_removed',
  'dossier.requested',
  'dossier.downloaded',
  'note.created',
  'report_partition.archived',
] as const;

export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export type AuditActor = { userId: string | null; label: string };

export type AuditEntry = {
  actor: AuditActor;
  action: AuditAction;
  targetType: string;
  targetId: string;
  before?: unknown;
  after?: unknown;
  reason?: string | null;
};
