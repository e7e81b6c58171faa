import { can, type Permission, type Principal } from './roles';

const SECTIONS: Array<{ href: string; label: string; permission: Permission | null }> = [
  { href: '/admin', label: 'Accueil', permission: null },
  { href: '/admin/moderation', label: 'Modération', permission: 'moderation.manage' },
  { href: '/admin/incidents', label: 'Incidents', permission: 'incidents.manage' },
  { href: '/admin/utilisateurs', label: 'Comptes', permission: 'users.manage' },
  { href: '/admin/plateformes', label: 'Plateformes', permission: 'catalog.manage' },
  { href: '/admin/journal', label: 'Journal', permission: 'audit.read' },
  { href: '/admin/reglages', label: 'Réglages', permission: 'settings.manage' },
  { href: '/admin/jours-exceptionnels', label: 'Jours exceptionnels', permission: 'settings.manage' },
  { href: '/admin/cles-api', label: 'Clés d’API', permission: 'apikeys.own' },
  { href: '/admin/webhooks', label: 'Webhooks', permission: 'webhooks.own' },
  { href: '/admin/organisations', label: 'Organisations', permission: 'organisations.manage' },
  { href: '/dossiers', label: 'Dossiers', permission: 'dossiers.build' },
  { href: '/admin/compte', label: 'Mon compte', permission: null },
];

/** The admin sections this principal may open (the pages check again on their own). */
export function adminLinks(principal: Principal): Array<{ href: string; label: string }> {
  return SECTIONS.filter((s) => s.permission === null || can(principal, s.permission)).map(({ href, label }) => ({ href, label }));
}
