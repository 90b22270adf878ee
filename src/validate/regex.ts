// Envoy compiles every safe_regex with RE2, which has no backtracking features (lookaround,
// backreferences). RE2JS is a port of RE2, so a pattern it refuses is one Envoy refuses too.
import { RE2JS } from 're2js';

const PREFIX = 'error parsing regexp: ';

/** Why RE2 (and so Envoy) rejects `pattern`, or null when it compiles. */
export function re2Error(pattern: string): string | null {
  try {
    RE2JS.compile(pattern);
    return null;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return `not a valid RE2 regex: ${message.startsWith(PREFIX) ? message.slice(PREFIX.length) : message}`;
  }
}
