// Import's size cap, in a module of its own so the page can check a file's size before it loads
// the parser (YAML) that the worker uses.

/** The largest config text accepted, checked before parsing (characters; ≥ bytes for ASCII). */
export const MAX_CONFIG_CHARS = 5 * 1024 * 1024;
