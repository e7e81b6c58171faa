import './announcement-banner.css';

/** The admin's announcement (maintenance, major outage), typed in French, above every page. */
export function AnnouncementBanner({ text }: { text: string }) {
  return (
    <div className="announcement" role="note" lang="fr">
      <p>{text}</p>
    </div>
  );
}
