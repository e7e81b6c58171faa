import Link from 'next/link';

export type NavLink = { href: string; label: string };

/** The admin sections a session may open, as a list of links (the side navigation and the admin home page). */
export function AdminLinkList({ links }: { links: NavLink[] }) {
  return (
    <ul>
      {links.map((link) => (
        <li key={link.href}>
          <Link href={link.href}>{link.label}</Link>
        </li>
      ))}
    </ul>
  );
}

export function AdminNav({ links }: { links: NavLink[] }) {
  return (
    <nav className="admin-nav" aria-label="Administration">
      <AdminLinkList links={links} />
    </nav>
  );
}
