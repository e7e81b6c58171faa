/** Said next to a link when the public address is unknown: never guess it from the request's Host header. */
export const RELATIVE_LINK_NOTE =
  'Attention : NEXTAUTH_URL n’est pas défini, ce lien est donc relatif. Ajoutez devant l’adresse publique du site (https://…), et définissez NEXTAUTH_URL pour obtenir des liens complets.';

/** The full URL of `path` under the configured public origin, or the path and a note saying what to set. */
export function shareableLink(path: string, publicOrigin: string | undefined): { link: string; note: string | null } {
  if (!publicOrigin) return { link: path, note: RELATIVE_LINK_NOTE };
  return { link: new URL(path, publicOrigin).toString(), note: null };
}
