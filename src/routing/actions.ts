// What Envoy does with a matched route (config.route.v3.Route JSON): forward to a cluster, pick from
// weighted clusters, redirect (the Location Http::Utility::newUri builds), or answer directly.
import type { RequestView } from './request';
import type { MatchOutcome, WeightedShare } from './types';
import { pathOnly } from './request';
import { isObj, re2 } from './strings';

/** Cluster ids by Envoy cluster name (the first cluster of a name). */
export type ClusterLookup = (name: string) => string | null;

export type ActionContext = {
  view: RequestView;
  random: bigint | null;
  clusterId: ClusterLookup;
  notes: string[];
};

export function routeOutcome(route: Record<string, unknown>, ctx: ActionContext): MatchOutcome {
  if (isObj(route.route)) return forward(route.route, ctx);
  if (isObj(route.redirect)) {
    return { kind: 'redirect', location: redirectLocation(route.redirect, route.match, ctx), status: redirectStatus(route.redirect.response_code) };
  }
  if (isObj(route.direct_response)) return direct(route.direct_response, ctx);
  const action = ['filter_action', 'non_forwarding_action'].find((key) => route[key] !== undefined);
  return { kind: 'unsupported', reason: action ? `the route's ${action} is not simulated` : 'the route has no action (route, redirect or direct_response)' };
}

function named(name: string, ctx: ActionContext) {
  const clusterId = ctx.clusterId(name);
  if (clusterId === null) {
    ctx.notes.push(name === '' ? 'the rule forwards to no cluster (it is not connected): Envoy refuses the config' : `no cluster named "${name}" in the design: Envoy refuses the config (or answers 503 when the cluster is missing at run time)`);
  }
  return { clusterId, cluster: name };
}

/** The first value of a header, as HeaderClusterSpecifierPlugin reads it. */
function firstHeader(ctx: ActionContext, name: unknown): string {
  return typeof name === 'string' ? ctx.view.headers.get(name.toLowerCase())?.[0] ?? '' : '';
}

function forward(action: Record<string, unknown>, ctx: ActionContext): MatchOutcome {
  if (typeof action.cluster === 'string') return { kind: 'cluster', ...named(action.cluster, ctx) };
  if (typeof action.cluster_header === 'string') {
    const name = firstHeader(ctx, action.cluster_header);
    ctx.notes.push(`the cluster is named by the request header ${action.cluster_header}${name === '' ? ', which is missing: Envoy answers 503' : ''}`);
    return { kind: 'cluster', ...named(name, ctx) };
  }
  if (isObj(action.weighted_clusters)) return weighted(action.weighted_clusters, ctx);
  if (action.cluster_specifier_plugin !== undefined || action.inline_cluster_specifier_plugin !== undefined) {
    return { kind: 'unsupported', reason: 'a cluster specifier plugin picks the cluster at run time' };
  }
  return { kind: 'unsupported', reason: 'the route action names no cluster' };
}

const toUint = (value: unknown): bigint | null => {
  if (typeof value === 'number' && Number.isInteger(value) && value >= 0) return BigInt(value);
  if (typeof value === 'string' && /^\d{1,20}$/.test(value)) return BigInt(value);
  if (isObj(value)) return toUint(value.value);
  return null;
};

/** Each cluster owns [sum of earlier weights, + its weight); the pick is random % total. */
function weighted(config: Record<string, unknown>, ctx: ActionContext): MatchOutcome {
  const entries = (Array.isArray(config.clusters) ? config.clusters : []).filter(isObj);
  const weights = entries.map((entry) => {
    const weight = toUint(entry.weight);
    if (weight === null) ctx.notes.push(`weighted cluster ${JSON.stringify(entry.name ?? entry.cluster_header ?? '?')} has no weight: Envoy refuses the config`);
    return weight ?? 0n;
  });
  const total = weights.reduce((a, b) => a + b, 0n);
  const nameOf = (entry: Record<string, unknown>) =>
    typeof entry.name === 'string' ? entry.name : typeof entry.cluster_header === 'string' ? firstHeader(ctx, entry.cluster_header) : '';
  const clusters: WeightedShare[] = entries.map((entry, i) => ({
    ...named(nameOf(entry), ctx),
    weight: Number(weights[i]),
    share: total === 0n ? 0 : Number(weights[i]) / Number(total),
  }));
  if (total === 0n) {
    ctx.notes.push('the weights add up to 0: Envoy refuses the config ("Sum of weights in the weighted_cluster must be greater than 0.")');
    return { kind: 'weighted', clusters, chosen: null };
  }
  let random = ctx.random;
  const header = typeof config.random_value_header_name === 'string' ? config.random_value_header_name.toLowerCase() : '';
  if (header !== '') {
    const values = ctx.view.headers.get(header) ?? [];
    if (values.length === 1 && /^\d{1,20}$/.test(values[0]) && BigInt(values[0]) < 2n ** 64n) {
      random = BigInt(values[0]);
      ctx.notes.push(`the weighted pick uses the value of the request header ${header} (${values[0]})`);
    }
  } else if (config.use_hash_policy === true) {
    ctx.notes.push('use_hash_policy: Envoy picks by the route hash policy, which the tester does not compute; the pick shown uses the random value');
  }
  if (random === null) return { kind: 'weighted', clusters, chosen: null };
  const pick = random % total;
  let begin = 0n;
  for (const [i, weight] of weights.entries()) {
    const end = begin + weight;
    if (pick >= begin && pick < end) {
      ctx.notes.push(`weighted pick: ${random} % ${total} = ${pick}, in [${begin}, ${end}) of ${JSON.stringify(clusters[i].cluster)}`);
      return { kind: 'weighted', clusters, chosen: { clusterId: clusters[i].clusterId, cluster: clusters[i].cluster } };
    }
    begin = end;
  }
  return { kind: 'weighted', clusters, chosen: null };
}

const REDIRECT_CODES: Record<string, number> = {
  MOVED_PERMANENTLY: 301,
  FOUND: 302,
  SEE_OTHER: 303,
  TEMPORARY_REDIRECT: 307,
  PERMANENT_REDIRECT: 308,
};
const REDIRECT_BY_NUMBER = [301, 302, 303, 307, 308];

function redirectStatus(code: unknown): number {
  if (typeof code === 'number') return REDIRECT_BY_NUMBER[code] ?? 301;
  if (typeof code === 'string') return REDIRECT_CODES[code.toUpperCase()] ?? 301;
  return 301;
}

/** Http::Utility processRequestHost: drops the port when a new port is given or the scheme changes from its default port. */
function requestHost(view: RequestView, newScheme: string, newPort: string): string {
  const host = view.authority;
  if (host === '') return host;
  let end: number;
  if (host.startsWith('[')) {
    end = host.lastIndexOf(']:');
    if (end >= 0) end += 1;
  } else {
    end = host.lastIndexOf(':');
  }
  if (end < 0) return host;
  const port = host.slice(end);
  const proto = view.forwardedProto.toLowerCase();
  let remove = newPort !== '';
  if (newScheme !== view.forwardedProto) {
    remove ||= proto === 'https' && port === ':443';
    remove ||= proto === 'http' && port === ':80';
  }
  return remove ? host.slice(0, end) : host;
}

/** The part of the path a redirect's prefix_rewrite replaces: the configured prefix or exact path, or the whole path for a regex. */
function matchedPath(match: unknown, view: RequestView): string {
  if (isObj(match)) {
    for (const key of ['prefix', 'path', 'path_separated_prefix']) if (typeof match[key] === 'string') return match[key] as string;
  }
  return pathOnly(view.path);
}

/** RE2::GlobalReplace: `\0`–`\9` are groups, `\\` a backslash. */
export function regexReplaceAll(pattern: string, input: string, substitution: string): string | null {
  const re = re2(pattern);
  if (typeof re === 'string') return null;
  return re.matcher(input).replaceAll((...args: unknown[]) => {
    const groups = args.slice(0, re.groupCount() + 1).map((g) => (typeof g === 'string' ? g : ''));
    return substitution.replace(/\\(\d|\\)/g, (_, c: string) => (c === '\\' ? '\\' : groups[Number(c)] ?? ''));
  });
}

/** The request path after a redirect's prefix_rewrite or regex_rewrite (finalizePathHeaderForRedirect). */
function rewrittenPath(redirect: Record<string, unknown>, match: unknown, view: RequestView): string {
  const path = view.path;
  if (typeof redirect.prefix_rewrite === 'string' && redirect.prefix_rewrite !== '') {
    const matched = matchedPath(match, view);
    return redirect.prefix_rewrite + path.slice(matched.length);
  }
  const regex = isObj(redirect.regex_rewrite) ? redirect.regex_rewrite : null;
  if (regex && isObj(regex.pattern) && typeof regex.pattern.regex === 'string' && typeof regex.substitution === 'string') {
    const only = pathOnly(path);
    const replaced = regexReplaceAll(regex.pattern.regex, only, regex.substitution);
    if (replaced) return replaced + path.slice(only.length);
  }
  return path;
}

/** Http::Utility::newUri with a route's RedirectAction. */
function redirectLocation(redirect: Record<string, unknown>, match: unknown, ctx: ActionContext): string {
  const { view } = ctx;
  const str = (key: string) => (typeof redirect[key] === 'string' ? (redirect[key] as string) : '');
  const scheme = str('scheme_redirect') || (redirect.https_redirect === true ? 'https' : view.scheme);
  const portValue = toUint(redirect.port_redirect);
  const port = portValue !== null && portValue > 0n ? `:${portValue}` : '';
  const host = str('host_redirect') || requestHost(view, scheme, port);
  if (str('path_rewrite') !== '') ctx.notes.push('the redirect path_rewrite formatter is not simulated; the Location shows the request path');
  const current = rewrittenPath(redirect, match, view);
  const pathRedirect = str('path_redirect');
  const redirectHasQuery = pathRedirect.includes('?');
  let path: string;
  if (pathRedirect !== '') {
    const q = current.indexOf('?');
    path = redirectHasQuery || q < 0 ? pathRedirect : pathRedirect + current.slice(q);
  } else {
    path = current;
  }
  if (!path.startsWith('/')) path = `/${path}`;
  if (!redirectHasQuery && redirect.strip_query === true && path.includes('?')) path = path.slice(0, path.indexOf('?'));
  return `${scheme}://${host}${port}${path}`;
}

function direct(response: Record<string, unknown>, ctx: ActionContext): MatchOutcome {
  const status = toUint(response.status);
  const code = status === null ? 200 : Number(status);
  let body = '';
  const source = isObj(response.body) ? response.body : null;
  if (source) {
    if (typeof source.inline_string === 'string') body = source.inline_string;
    else if (typeof source.inline_bytes === 'string') body = decodeBase64(source.inline_bytes) ?? '';
    else if (typeof source.filename === 'string') ctx.notes.push(`the body is read from ${source.filename} when Envoy loads the config; not shown`);
    else if (typeof source.environment_variable === 'string') ctx.notes.push(`the body comes from the environment variable ${source.environment_variable}; not shown`);
  }
  if (response.body_format !== undefined) ctx.notes.push('the body_format formatter is not simulated');
  // Envoy adds a Location (the request's own URL) to a 201 or 3xx direct response.
  if (code === 201 || (code >= 300 && code < 400)) {
    const { view } = ctx;
    const path = view.path.startsWith('/') ? view.path : `/${view.path}`;
    return { kind: 'direct', status: code, body, location: `${view.scheme}://${requestHost(view, view.scheme, '')}${path}` };
  }
  return { kind: 'direct', status: code, body };
}

function decodeBase64(text: string): string | null {
  try {
    const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
    return new TextDecoder().decode(Uint8Array.from(binary, (c) => c.charCodeAt(0)));
  } catch {
    return null;
  }
}

/** The Location of require_tls's redirect (Http::Utility::createSslRedirectPath). */
export function sslRedirectLocation(view: RequestView): string {
  return `https://${view.authority}${view.path}`;
}

