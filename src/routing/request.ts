// A test request as the router sees it: after the HTTP connection manager has read the request line
// and headers and applied its own settings (fragment stripping, path normalisation, host port
// stripping, x-forwarded-proto). Header names are lower-cased; repeated headers keep every value.
import type { TestRequest } from './types';
import { asciiLower, isObj } from './strings';

export type RequestView = {
  authority: string;
  /** `:path` with the query (no fragment). */
  path: string;
  method: string;
  scheme: string;
  forwardedProto: string;
  /** Every header by lower-cased name, pseudo-headers included. */
  headers: Map<string, string[]>;
  /** The first value of each query parameter, raw (not percent-decoded), as Envoy parses it. */
  query: Map<string, string>;
  cookies: Map<string, string>;
};

/** The HCM settings (HttpConnectionManager JSON) that change a request before routing. */
export type HcmSettings = {
  normalizePath: boolean;
  mergeSlashes: boolean;
  stripTrailingHostDot: boolean;
  stripAnyHostPort: boolean;
  stripMatchingHostPort: boolean;
  useRemoteAddress: boolean;
};

export function hcmSettings(config: Record<string, unknown>): HcmSettings {
  const flag = (key: string) => config[key] === true || (isObj(config[key]) && (config[key] as { value?: unknown }).value === true);
  return {
    normalizePath: flag('normalize_path'),
    mergeSlashes: flag('merge_slashes'),
    stripTrailingHostDot: flag('strip_trailing_host_dot'),
    stripAnyHostPort: flag('strip_any_host_port'),
    stripMatchingHostPort: flag('strip_matching_host_port'),
    useRemoteAddress: flag('use_remote_address'),
  };
}

export const NO_HCM_SETTINGS: HcmSettings = {
  normalizePath: false,
  mergeSlashes: false,
  stripTrailingHostDot: false,
  stripAnyHostPort: false,
  stripMatchingHostPort: false,
  useRemoteAddress: false,
};

/** The query string and fragment removed (Http::PathUtil::removeQueryAndFragment). */
export function pathOnly(path: string): string {
  const end = path.search(/[?#]/);
  return end < 0 ? path : path.slice(0, end);
}

/** Where the port starts in a host (HeaderUtility::getPortStart), or -1; IPv6 literals are bracketed. */
export function portStart(host: string): number {
  const colon = host.lastIndexOf(':');
  if (colon < 0) return -1;
  const v6End = host.lastIndexOf(']');
  return v6End < 0 || v6End < colon ? colon : -1;
}

/** RFC 3986 remove_dot_segments on the path part; the query is kept. */
export function removeDotSegments(path: string): string {
  const q = path.indexOf('?');
  const [part, rest] = q < 0 ? [path, ''] : [path.slice(0, q), path.slice(q)];
  const out: string[] = [];
  const segments = part.split('/');
  segments.forEach((segment, i) => {
    const last = i === segments.length - 1;
    if (segment === '.' || segment === '..') {
      if (segment === '..' && out.length > 1) out.pop();
      if (last) out.push('');
    } else {
      out.push(segment);
    }
  });
  const joined = out.join('/');
  return (joined.startsWith('/') ? joined : `/${joined}`) + rest;
}

function mergeSlashes(path: string): string {
  const q = path.indexOf('?');
  const [part, rest] = q < 0 ? [path, ''] : [path.slice(0, q), path.slice(q)];
  return part.replace(/\/{2,}/g, '/') + rest;
}

/** Http::Utility::QueryParamsMulti::parseQueryString: raw names and values, the first value kept. */
export function parseQuery(path: string): Map<string, string> {
  const params = new Map<string, string>();
  const start = path.indexOf('?');
  if (start < 0) return params;
  for (const part of path.slice(start + 1).split('&')) {
    if (part === '' && params.has('')) continue;
    const eq = part.indexOf('=');
    const [name, value] = eq < 0 ? [part, ''] : [part.slice(0, eq), part.slice(eq + 1)];
    if (!params.has(name)) params.set(name, value);
  }
  return params;
}

/** Http::Utility::parseCookies: `;`-separated name=value pairs of every Cookie header, first wins. */
export function parseCookies(values: string[]): Map<string, string> {
  const cookies = new Map<string, string>();
  for (const header of values) {
    for (const token of header.split(';')) {
      if (token === '') continue;
      const eq = token.indexOf('=');
      if (eq < 0) continue;
      const name = token.slice(0, eq).replace(/^ +/, '');
      let value = token.slice(eq + 1);
      if (value.length >= 2 && value.startsWith('"') && value.endsWith('"')) value = value.slice(1, -1);
      if (!cookies.has(name)) cookies.set(name, value);
    }
  }
  return cookies;
}

const PSEUDO = new Set([':authority', ':path', ':method', ':scheme']);

/**
 * Builds the router's view of `request` on a listener with `hcm` settings. `notes` collects what
 * the connection manager changed, so the user sees why the router saw something else.
 */
export function viewRequest(request: TestRequest, hcm: HcmSettings, listenerPort: number | null, notes: string[]): RequestView {
  let authority = request.authority;
  let path = request.path === '' ? '/' : request.path;
  let method = request.method && request.method.length > 0 ? request.method : 'GET';
  let scheme: string = request.scheme ?? 'http';
  const headers = new Map<string, string[]>();
  let host: string | undefined;
  for (const [rawName, rawValue] of request.headers ?? []) {
    const name = asciiLower(rawName.trim());
    // HTTP/1 codecs trim optional whitespace around values.
    const value = rawValue.trim();
    if (name === '') continue;
    if (name === 'host') {
      // The HTTP/1 codec turns Host into :authority.
      host ??= value;
      continue;
    }
    if (PSEUDO.has(name)) {
      if (name === ':authority') authority = value;
      else if (name === ':path') path = value;
      else if (name === ':method') method = value;
      else scheme = value;
      continue;
    }
    const list = headers.get(name);
    if (list) list.push(value);
    else headers.set(name, [value]);
  }
  if (host !== undefined) authority = host;

  const hash = path.indexOf('#');
  if (hash >= 0) {
    notes.push(`the fragment ${JSON.stringify(path.slice(hash))} is stripped from the path before routing`);
    path = path.slice(0, hash);
  }
  if (!path.startsWith('/')) notes.push(`the path ${JSON.stringify(path)} does not start with "/": Envoy answers 400 to such a request`);
  if (hcm.normalizePath) {
    const normalized = removeDotSegments(path);
    if (normalized !== path) notes.push(`normalize_path: the path becomes ${normalized} (the tester resolves "." and ".." only; Envoy also normalises percent-encoding)`);
    path = normalized;
  }
  if (hcm.mergeSlashes) {
    const merged = mergeSlashes(path);
    if (merged !== path) notes.push(`merge_slashes: the path becomes ${merged}`);
    path = merged;
  }
  if (hcm.stripTrailingHostDot) authority = stripTrailingHostDot(authority);
  if (hcm.stripAnyHostPort || hcm.stripMatchingHostPort) {
    const at = portStart(authority);
    const port = at >= 0 ? authority.slice(at + 1) : '';
    if (at >= 0 && /^\d+$/.test(port) && (hcm.stripAnyHostPort || (listenerPort !== null && Number(port) === listenerPort))) {
      notes.push(`${hcm.stripAnyHostPort ? 'strip_any_host_port' : 'strip_matching_host_port'}: the authority becomes ${authority.slice(0, at)}`);
      authority = authority.slice(0, at);
    }
  }

  // The HCM sets x-forwarded-proto from the connection unless a trusted client already sent one.
  const sentProto = headers.get('x-forwarded-proto');
  const forwardedProto = sentProto && !hcm.useRemoteAddress ? sentProto[0] : scheme;
  headers.set('x-forwarded-proto', [forwardedProto]);
  headers.set(':authority', [authority]);
  headers.set(':path', [path]);
  headers.set(':method', [method]);
  headers.set(':scheme', [scheme]);
  return { authority, path, method, scheme, forwardedProto, headers, query: parseQuery(path), cookies: parseCookies(headers.get('cookie') ?? []) };
}

/** HeaderUtility::stripTrailingHostDot: `example.com.` and `example.com.:80` lose the dot. */
function stripTrailingHostDot(host: string): string {
  const dot = host.lastIndexOf('.');
  if (dot < 0) return host;
  if (dot === host.length - 1) return host.slice(0, -1);
  return host[dot + 1] === ':' ? host.slice(0, dot) + host.slice(dot + 1) : host;
}
