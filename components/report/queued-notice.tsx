import type { Ref } from 'react';

type Props = { isPersistent: boolean; onRetry: () => void; headingRef?: Ref<HTMLHeadingElement> };

/** The report could not leave the device yet: say so, and that nothing needs to be done. */
export function QueuedNotice({ isPersistent, onRetry, headingRef }: Props) {
  return (
    <section className="report-queued" aria-labelledby="attente-titre">
      <h2 id="attente-titre" tabIndex={-1} ref={headingRef}>
        Signalement en attente d’envoi
      </h2>
      <p role="status">
        Pas de connexion&nbsp;: votre signalement est enregistré sur cet appareil et sera envoyé automatiquement.
      </p>
      {!isPersistent && (
        <p>Gardez cette page ouverte&nbsp;: votre navigateur ne permet pas de le garder après sa fermeture.</p>
      )}
      <p>
        <button type="button" className="report-btn-secondary" onClick={onRetry}>
          Réessayer maintenant
        </button>
      </p>
    </section>
  );
}
