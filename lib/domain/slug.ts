/**
 * A platform or académie id as it appears in URLs, query parameters and bodies: words of lowercase letters and
 * digits joined by single dashes (`cned`, `ent-hdf`), 64 characters at most. The one pattern: every schema, route
 * and the OpenAPI document use it.
 */
export const ID_SLUG = /^(?=.{1,64}$)[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** The same, as an HTML `pattern` attribute (which anchors it itself). */
export const ID_SLUG_HTML_PATTERN = ID_SLUG.source.slice(1, -1);
