// Field checks that need nothing but the value: names, header names, paths, regexes, addresses.
import type { Cluster, RouteMatch } from '../../model/schema';
import { re2Error } from '../../validate/regex';
import type { Check } from './parse';

export const nonEmpty: Check = (text) => (text === '' ? 'must not be empty' : null);

export const trimmed: Check = (text) => (text.trim() !== text ? 'must not start or end with spaces' : null);

export const noSpaces: Check = (text) => (/\s/.test(text) ? 'must not contain spaces' : null);

export const regex: Check = re2Error;

/** A header or query-parameter match value: Envoy needs a non-empty prefix or regex. */
export function matcherValue(kind: string, value: string): string | null {
  if ((kind === 'prefix' || kind === 'regex') && value === '') return 'a prefix or regex match needs a value';
  return kind === 'regex' ? re2Error(value) : null;
}

/** RFC 9110 token characters: what an HTTP header name may contain. */
const HEADER_TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
const TOKEN_MESSAGE = "must be an HTTP header name: letters, digits and !#$%&'*+-.^_`|~";

/** A header a rule matches on. Pseudo-headers such as `:method` may be matched. */
export const matchableHeaderName: Check = (name) => {
  if (name === '') return 'must name a header';
  if (/\s/.test(name)) return 'must not contain spaces';
  const bare = name.startsWith(':') ? name.slice(1) : name;
  return HEADER_TOKEN.test(bare) ? null : TOKEN_MESSAGE;
};

/**
 * A header a rule adds or removes. Envoy refuses the whole config when such a header is `host`
 * or starts with ":" (":-prefixed or host headers may not be modified").
 */
export const modifiableHeaderName: Check = (name) => {
  if (name === '') return 'must name a header';
  if (/\s/.test(name)) return 'must not contain spaces';
  if (name.startsWith(':')) return 'Envoy cannot modify ":"-prefixed (pseudo) headers';
  if (name.toLowerCase() === 'host') return 'Envoy cannot modify the host header (use Host rewrite instead)';
  return HEADER_TOKEN.test(name) ? null : TOKEN_MESSAGE;
};

/**
 * A header value to add. Envoy reads `%NAME%` (optionally `%NAME(arg):len%`) as a variable and
 * refuses a config with an unterminated one, so a literal % must be written %%.
 */
export const headerValue: Check = (value) => {
  if (/[\r\n]/.test(value)) return 'must be on one line';
  for (let i = 0; i < value.length; i++) {
    if (value[i] !== '%') continue;
    if (value[i + 1] === '%') {
      i++;
      continue;
    }
    const variable = /^[A-Z0-9_]+(\([^)]*\))?(:\d+)?%/.exec(value.slice(i + 1));
    if (!variable) return 'a literal % must be written %%; %NAME% inserts a variable';
    i += variable[0].length;
  }
  return null;
};

/** Conditions Envoy's router knows; it silently ignores any other word (envoy#39470). */
export const RETRY_CONDITIONS = [
  '5xx', 'gateway-error', 'reset', 'reset-before-request', 'connect-failure', 'envoy-ratelimited',
  'retriable-4xx', 'refused-stream', 'retriable-status-codes', 'retriable-headers', 'http3-post-connect-failure',
  'cancelled', 'deadline-exceeded', 'internal', 'resource-exhausted', 'unavailable',
];

export const retryOn: Check = (text) => {
  if (text.trim() === '') return 'must list retry conditions, like 5xx,reset';
  if (/\s/.test(text)) return 'separate conditions with "," and no spaces (Envoy ignores " reset")';
  const unknown = text.split(',').filter((condition) => !RETRY_CONDITIONS.includes(condition));
  if (unknown.length === 0) return null;
  return `"${unknown[0]}" is not a retry condition Envoy knows (such as 5xx, reset, connect-failure)`;
};

function isIpv4(text: string): boolean {
  const parts = text.split('.');
  return parts.length === 4 && parts.every((p) => /^(0|[1-9]\d{0,2})$/.test(p) && Number(p) <= 255);
}

function isIpv6(text: string): boolean {
  if (!text.includes(':') || /[[\]/%]/.test(text)) return false;
  try {
    new URL(`http://[${text}]/`);
    return true;
  } catch {
    return false;
  }
}

export const isIpAddress = (text: string): boolean => isIpv4(text) || isIpv6(text);

/** Envoy binds listeners and the admin interface to IP addresses, never host names. */
export const ipAddress: Check = (text) =>
  isIpAddress(text) ? null : 'must be an IP address, like 0.0.0.0, 127.0.0.1 or ::';

type PathKind = RouteMatch['pathKind'];

/** What Envoy accepts (and can ever match) for each kind of path match. */
export function pathError(kind: PathKind, path: string): string | null {
  if (kind === 'safe_regex') return path === '' ? 'must not be empty' : re2Error(path);
  if (!path.startsWith('/')) return 'must start with /';
  if (kind === 'path_separated_prefix') {
    if (/[?#]/.test(path)) return 'must not contain ? or #';
    if (path.endsWith('/')) return 'must not end with / (a separated prefix matches /api and /api/…)';
  }
  return null;
}

const PATH_DEFAULTS: Record<PathKind, string> = { prefix: '/', path: '/', safe_regex: '/.*', path_separated_prefix: '/api' };

/** The path to keep when the kind of match changes: the same one if still valid, else a default. */
export function pathForKind(kind: PathKind, path: string): string {
  if (pathError(kind, path) === null) return path;
  if (kind === 'path_separated_prefix') {
    const stripped = path.replace(/[?#].*$/, '').replace(/\/+$/, '');
    if (pathError(kind, stripped) === null) return stripped;
  }
  return PATH_DEFAULTS[kind];
}

/** Why a cluster's discovery type does not fit its endpoints, or null. */
export function typeRefusal(type: Cluster['type'], cluster: Cluster): string | null {
  if (type === 'STATIC' && cluster.endpoints.some((e) => !isIpAddress(e.host))) return 'needs IP addresses, not host names';
  if (type === 'LOGICAL_DNS' && cluster.endpoints.length > 1) return 'takes exactly one endpoint';
  return null;
}
