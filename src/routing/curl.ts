// A pasted `curl …` command line → the request curl would send. Shell quoting ('…', "…", $'…',
// backslashes, line continuations) as POSIX shells read it; curl's options as curl reads them,
// those that do not change the request ignored. Never throws; input is bounded.
import type { TestRequest } from './types';
import { removeDotSegments } from './request';
import { tokenize } from './shellWords';

export { tokenize };

export const MAX_CURL_CHARS = 64 * 1024;

export type ParsedCurl = { ok: true; request: TestRequest; notes: string[] } | { ok: false; error: string };

export function parseCurl(commandLine: string): ParsedCurl {
  try {
    if (typeof commandLine !== 'string') return { ok: false, error: 'expected a curl command line' };
    if (commandLine.length > MAX_CURL_CHARS) return { ok: false, error: `the command line is too long (${commandLine.length} characters; at most ${MAX_CURL_CHARS})` };
    const tokens = tokenize(commandLine);
    if (typeof tokens === 'string') return { ok: false, error: tokens };
    return fromArgs(tokens);
  } catch (error) {
    return { ok: false, error: `cannot read the command line: ${error instanceof Error ? error.message : String(error)}` };
  }
}

// ---- curl's options ----------------------------------------------------------------------------

/** Options that take a value; those not handled in `apply` are ignored (they do not change the request). */
const LONG_WITH_VALUE = new Set([
  'header', 'request', 'data', 'data-ascii', 'data-binary', 'data-raw', 'data-urlencode', 'json', 'form', 'form-string',
  'user-agent', 'referer', 'cookie', 'user', 'url', 'url-query', 'upload-file', 'oauth2-bearer', 'request-target',
  'output', 'max-time', 'connect-timeout', 'write-out', 'resolve', 'connect-to', 'proxy', 'proxy-user', 'cacert', 'capath',
  'cert', 'key', 'key-type', 'cert-type', 'pass', 'range', 'cookie-jar', 'dump-header', 'retry', 'retry-delay',
  'retry-max-time', 'config', 'limit-rate', 'time-cond', 'speed-limit', 'speed-time', 'continue-at', 'interface',
  'max-redirs', 'max-filesize', 'trace', 'trace-ascii', 'stderr', 'unix-socket', 'abstract-unix-socket', 'dns-servers',
  'dns-interface', 'dns-ipv4-addr', 'dns-ipv6-addr', 'local-port', 'proto', 'proto-redir', 'proto-default', 'ciphers',
  'tls13-ciphers', 'curves', 'tls-max', 'expect100-timeout', 'keepalive-time', 'noproxy', 'preproxy', 'proxy-header',
  'aws-sigv4', 'sasl-authzid', 'hostpubmd5', 'hostpubsha256', 'pinnedpubkey', 'crlfile', 'netrc-file', 'output-dir',
  'parallel-max', 'happy-eyeballs-timeout-ms', 'variable', 'quote', 'telnet-option', 'ftp-port', 'ftp-method',
  'ftp-account', 'ftp-alternative-to-user', 'ftp-ssl-ccc-mode', 'mail-from', 'mail-rcpt', 'mail-auth', 'login-options',
  'delegation', 'engine', 'egd-file', 'random-file', 'krb', 'socks4', 'socks4a', 'socks5', 'socks5-hostname',
  'socks5-gssapi-service', 'proxy-cacert', 'proxy-capath', 'proxy-cert', 'proxy-cert-type', 'proxy-key', 'proxy-key-type',
  'proxy-pass', 'proxy-ciphers', 'proxy-crlfile', 'proxy-pinnedpubkey', 'proxy-service-name', 'proxy-tls13-ciphers',
  'proxy-tlsauthtype', 'proxy-tlspassword', 'proxy-tlsuser', 'service-name', 'tlsauthtype', 'tlspassword', 'tlsuser',
  'haproxy-clientip', 'etag-save', 'etag-compare', 'create-file-mode', 'ip-tos', 'vlan-priority', 'alt-svc', 'hsts',
  'doh-url', 'local-port', 'max-time', 'rate', 'sslkeylogfile', 'trace-config', 'write-out', 'ech', 'ssl-sessions',
  'unix-socket', 'xattr-value', 'ipfs-gateway', 'knownhosts', 'pubkey',
]);
const SHORT_WITH_VALUE: Record<string, string> = {
  H: 'header', X: 'request', d: 'data', F: 'form', A: 'user-agent', e: 'referer', b: 'cookie', u: 'user', T: 'upload-file',
  o: 'output', m: 'max-time', w: 'write-out', x: 'proxy', U: 'proxy-user', E: 'cert', r: 'range', c: 'cookie-jar',
  D: 'dump-header', K: 'config', z: 'time-cond', Y: 'speed-limit', y: 'speed-time', C: 'continue-at', Q: 'quote',
  t: 'telnet-option', P: 'ftp-port',
};
const SHORT_FLAGS: Record<string, string> = { I: 'head', G: 'get' };

type State = {
  method?: string;
  head: boolean;
  get: boolean;
  upload: boolean;
  data: string[];
  json: boolean;
  form: boolean;
  headers: [string, string][];
  removed: Set<string>;
  cookies: string[];
  urls: string[];
  queries: string[];
  requestTarget?: string;
  pathAsIs: boolean;
  notes: string[];
};

function fromArgs(words: string[]): ParsedCurl {
  const args = [...words];
  if (args[0] === '$') args.shift();
  if (args.length > 0 && /^(.*[\\/])?curl(\.exe)?$/i.test(args[0])) args.shift();
  const state: State = { head: false, get: false, upload: false, data: [], json: false, form: false, headers: [], removed: new Set(), cookies: [], urls: [], queries: [], pathAsIs: false, notes: [] };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '--') {
      state.urls.push(...args.slice(i + 1));
      break;
    }
    if (arg.startsWith('--')) {
      const eq = arg.indexOf('=');
      const name = (eq > 2 ? arg.slice(2, eq) : arg.slice(2)).toLowerCase();
      if (LONG_WITH_VALUE.has(name)) {
        const value = eq > 2 ? arg.slice(eq + 1) : args[++i];
        if (value === undefined) return { ok: false, error: `the option --${name} needs a value` };
        const failed = apply(state, name, value);
        if (failed) return { ok: false, error: failed };
      } else {
        applyFlag(state, name);
      }
      continue;
    }
    if (arg.startsWith('-') && arg.length > 1) {
      for (let j = 1; j < arg.length; j++) {
        const c = arg[j];
        const long = SHORT_WITH_VALUE[c];
        if (long) {
          const value = j + 1 < arg.length ? arg.slice(j + 1) : args[++i];
          if (value === undefined) return { ok: false, error: `the option -${c} needs a value` };
          const failed = apply(state, long, value);
          if (failed) return { ok: false, error: failed };
          break;
        }
        applyFlag(state, SHORT_FLAGS[c] ?? c);
      }
      continue;
    }
    state.urls.push(arg);
  }
  return build(state);
}

function applyFlag(state: State, name: string): void {
  if (name === 'head') state.head = true;
  else if (name === 'get') state.get = true;
  else if (name === 'path-as-is') state.pathAsIs = true;
}

/** Handles one option with its value; returns an error message, or undefined. */
function apply(state: State, name: string, value: string): string | undefined {
  switch (name) {
    case 'header':
      return header(state, value);
    case 'request':
      state.method = value;
      return undefined;
    case 'data':
    case 'data-ascii':
    case 'data-binary':
    case 'data-raw':
      if (value.startsWith('@') && name !== 'data-raw') state.notes.push(`--${name} ${value}: the file is not read; it only makes the request a POST`);
      state.data.push(value);
      return undefined;
    case 'data-urlencode':
      state.data.push(urlencodeData(value));
      return undefined;
    case 'json':
      state.json = true;
      state.data.push(value);
      return undefined;
    case 'form':
    case 'form-string':
      state.form = true;
      return undefined;
    case 'user-agent':
      state.headers.push(['User-Agent', value]);
      return undefined;
    case 'referer':
      if (value.replace(/;?auto$/, '') !== '') state.headers.push(['Referer', value.replace(/;?auto$/, '')]);
      return undefined;
    case 'cookie':
      if (value.includes('=')) state.cookies.push(value);
      else state.notes.push(`--cookie ${value}: a cookie file is not read`);
      return undefined;
    case 'user':
      state.headers.push(['Authorization', `Basic ${base64(value.includes(':') ? value : `${value}:`)}`]);
      return undefined;
    case 'oauth2-bearer':
      state.headers.push(['Authorization', `Bearer ${value}`]);
      return undefined;
    case 'url':
      state.urls.push(value);
      return undefined;
    case 'url-query':
      state.queries.push(value.startsWith('+') ? value.slice(1) : urlencodeData(value));
      return undefined;
    case 'upload-file':
      state.upload = true;
      return undefined;
    case 'request-target':
      state.requestTarget = value;
      return undefined;
    case 'config':
      state.notes.push(`--config ${value}: the file is not read`);
      return undefined;
    default:
      return undefined;
  }
}

function header(state: State, value: string): string | undefined {
  if (value.startsWith('@')) {
    state.notes.push(`--header ${value}: the file is not read`);
    return undefined;
  }
  const colon = value.indexOf(':');
  const semicolon = value.indexOf(';');
  if (colon > 0 && (semicolon < 0 || colon < semicolon)) {
    const name = value.slice(0, colon).trim();
    const headerValue = value.slice(colon + 1).trim();
    // "Name:" with nothing after it tells curl not to send that header.
    if (headerValue === '') {
      state.removed.add(name.toLowerCase());
      state.headers = state.headers.filter(([n]) => n.toLowerCase() !== name.toLowerCase());
    } else {
      state.headers.push([name, headerValue]);
    }
    return undefined;
  }
  // "Name;" sends the header with an empty value.
  if (semicolon > 0 && value.slice(semicolon + 1).trim() === '') {
    state.headers.push([value.slice(0, semicolon).trim(), '']);
    return undefined;
  }
  state.notes.push(`--header ${JSON.stringify(value)}: not "Name: value"; curl does not send it`);
  return undefined;
}

/** --data-urlencode: "content", "=content", "name=content" (the content percent-encoded). */
function urlencodeData(value: string): string {
  if (value.startsWith('@') || /^[^=]*@/.test(value)) return value;
  const eq = value.indexOf('=');
  if (eq < 0) return encodeURIComponent(value);
  const name = value.slice(0, eq);
  return `${name}${name === '' ? '' : '='}${encodeURIComponent(value.slice(eq + 1))}`;
}

function base64(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary);
}

const DEFAULT_PORT: Record<string, string> = { http: '80', https: '443' };

type Url = { scheme: 'http' | 'https'; authority: string; path: string; userinfo: string | null };

/** An absolute or scheme-less URL, as curl sends it: no fragment, default ports omitted from Host. */
export function parseUrl(raw: string, notes: string[]): Url | string {
  let text = raw.trim();
  if (/\s/.test(text)) {
    notes.push('spaces in the URL are sent percent-encoded (%20)');
    text = text.replace(/\s/g, '%20');
  }
  const schemeMatch = /^([a-zA-Z][a-zA-Z0-9+.-]*):\/\//.exec(text);
  let scheme = 'http';
  if (schemeMatch) {
    scheme = schemeMatch[1].toLowerCase();
    text = text.slice(schemeMatch[0].length);
    if (scheme !== 'http' && scheme !== 'https') return `only http and https URLs can be tested, not ${scheme}://`;
  }
  const end = text.search(/[/?#]/);
  let authority = end < 0 ? text : text.slice(0, end);
  let rest = end < 0 ? '' : text.slice(end);
  let userinfo: string | null = null;
  const at = authority.lastIndexOf('@');
  if (at >= 0) {
    userinfo = authority.slice(0, at);
    authority = authority.slice(at + 1);
  }
  let host = authority;
  let port = '';
  if (authority.startsWith('[')) {
    const close = authority.indexOf(']');
    if (close < 0) return `the URL's IPv6 host is not closed with "]"`;
    host = authority.slice(0, close + 1);
    const after = authority.slice(close + 1);
    if (after !== '' && !after.startsWith(':')) return `unexpected ${JSON.stringify(after)} after the IPv6 host`;
    port = after.slice(1);
  } else {
    const colon = authority.lastIndexOf(':');
    if (colon >= 0) {
      host = authority.slice(0, colon);
      port = authority.slice(colon + 1);
    }
  }
  if (host === '') return `the URL ${JSON.stringify(raw)} has no host`;
  if (!host.startsWith('[') && /[\s\\/?#@[\]{}|^`"<>]/.test(host)) return `the URL's host ${JSON.stringify(host)} is not a host name`;
  if (port !== '' && (!/^\d{1,5}$/.test(port) || Number(port) < 1 || Number(port) > 65535)) return `the URL's port ${JSON.stringify(port)} is not a port number`;
  if (!schemeMatch) notes.push(`the URL has no scheme: curl uses http://`);
  const hash = rest.indexOf('#');
  if (hash >= 0) rest = rest.slice(0, hash);
  if (rest === '' || rest.startsWith('?')) rest = `/${rest}`;
  const showPort = port !== '' && port.replace(/^0+(?=\d)/, '') !== DEFAULT_PORT[scheme];
  return { scheme: scheme as Url['scheme'], authority: showPort ? `${host}:${Number(port)}` : host, path: rest, userinfo };
}

const looksLikeUrl = (word: string) => /^[a-zA-Z][a-zA-Z0-9+.-]*:\/\//.test(word) || /^(\[[0-9a-fA-F:.]+\]|[\w.-]+)(:\d+)?([/?#]|$)/.test(word);

function build(state: State): ParsedCurl {
  const candidates = state.urls.filter(looksLikeUrl);
  const rawUrl = candidates[0] ?? state.urls[0];
  if (rawUrl === undefined) return { ok: false, error: 'no URL in the command line' };
  const { notes } = state;
  if (state.urls.length > 1) notes.push(`${state.urls.length} URLs or stray words; the request is to ${rawUrl}`);
  const url = parseUrl(rawUrl, notes);
  if (typeof url === 'string') return { ok: false, error: url };

  let path = url.path;
  if (!state.pathAsIs) {
    const squashed = removeDotSegments(path);
    if (squashed !== path) notes.push(`curl squashes "." and ".." in the path: ${path} → ${squashed} (--path-as-is keeps them)`);
    path = squashed;
  }
  const extraQuery = [...(state.get ? state.data : []), ...state.queries].filter((q) => q !== '');
  if (extraQuery.length > 0) path += (path.includes('?') ? '&' : '?') + extraQuery.join('&');
  if (state.requestTarget !== undefined) path = state.requestTarget;

  const sendsBody = !state.get && (state.data.length > 0 || state.form || state.json);
  const method = state.method ?? (state.head ? 'HEAD' : state.upload ? 'PUT' : sendsBody ? 'POST' : 'GET');
  const headers: [string, string][] = [];
  let authority = url.authority;
  for (const [name, value] of state.headers) {
    if (name.toLowerCase() === 'host') authority = value;
    else headers.push([name, value]);
  }
  const has = (name: string) => state.removed.has(name) || headers.some(([n]) => n.toLowerCase() === name);
  if (url.userinfo !== null && !has('authorization')) headers.push(['Authorization', `Basic ${base64(decodeUserinfo(url.userinfo))}`]);
  if (state.cookies.length > 0 && !has('cookie')) headers.push(['Cookie', state.cookies.join('; ')]);
  if (sendsBody && !has('content-type')) {
    if (state.form) headers.push(['Content-Type', 'multipart/form-data; boundary=------------------------curl']);
    else headers.push(['Content-Type', state.json ? 'application/json' : 'application/x-www-form-urlencoded']);
  }
  if (state.json && !has('accept')) headers.push(['Accept', 'application/json']);
  return { ok: true, request: { authority, path, method, headers, scheme: url.scheme }, notes };
}

function decodeUserinfo(userinfo: string): string {
  const withColon = userinfo.includes(':') ? userinfo : `${userinfo}:`;
  try {
    return decodeURIComponent(withColon);
  } catch {
    return withColon;
  }
}
