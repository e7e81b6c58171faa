/** A platform or académie id as it appears in URLs: lowercase letters, digits and dashes, 64 characters at most. */
export const ID_SLUG = /^[a-z0-9][a-z0-9-]{0,63}$/;
