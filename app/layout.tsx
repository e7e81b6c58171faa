import type { Metadata, Viewport } from 'next';
import Link from 'next/link';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'École en panne', template: '%s · École en panne' },
  description:
    'Signalements participatifs des pannes des services numériques scolaires (ENT, Pronote, CNED…) par académie, en direct.',
};

export const viewport: Viewport = { width: 'device-width', initialScale: 1, themeColor: '#1f3a5f' };

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="fr">
      <body>
        <a className="skip-link" href="#contenu">
          Aller au contenu
        </a>
        <header className="site-header">
          <Link href="/" className="brand">
            École en panne
          </Link>
          <nav aria-label="Navigation principale">
            <ul>
              <li>
                <Link href="/">Carte</Link>
              </li>
              <li>
                <Link href="/signaler" className="cta">
                  Signaler une panne
                </Link>
              </li>
              <li>
                <Link href="/sources">Sources</Link>
              </li>
            </ul>
          </nav>
        </header>
        <main id="contenu">{children}</main>
        <footer className="site-footer">
          <p>
            École en panne : signalements anonymes des pannes des services numériques scolaires.{' '}
            <Link href="/sources">Sources et licences des données</Link>.
          </p>
        </footer>
      </body>
    </html>
  );
}
