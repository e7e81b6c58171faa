import Link from 'next/link';

export type NavLink = { href: string; label: string };

export function AdminNav({ links }: { links: NavLink[] }) {
  return (
    <nav className="admin-nav" aria-label="Administration">
      <ul>
        {links.map((link) => (
          <li key={link.href}>
            <Link href={link.href}>{link.label}</Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
