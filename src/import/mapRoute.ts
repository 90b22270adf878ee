// An Envoy virtual host → a design route; its routes → rules. Matches, actions, forward options
// and header edits the model expresses become model fields when they generate exactly what the
// original says; everything else on the virtual host or route is kept verbatim.
import { buildRoute, buildVirtualHost } from '../generate/envoy/route';
import { jsonEqual } from '../generate/envoy/kept';
import { forwardAction, weightedAction } from '../model/defaults';
import { Duration, HeaderMatcher, QueryParameterMatcher, RedirectCode, RouteMatch, type HeaderToAdd, type RetryPolicy, type Route, type Rule, type RuleAction } from '../model/schema';
import { ENUMS, isObj, type ImportContext, type Obj } from './context';
import { keptDiff } from './diff';
import type { ConfigPath } from './parseText';

export type IdSource = { route(): string; rule(): string };
/** Cluster ids by Envoy cluster name (the first cluster of a name). */
export type ClusterIds = Map<string, string>;

const UINT32_MAX = 4294967295;
const namesById = new WeakMap<ClusterIds, Map<string, string>>();
/** Cluster names by id: the generator's view of the same map (built once per map). */
export function clusterNameOf(ids: ClusterIds): (id: string) => string {
  let names = namesById.get(ids);
  if (!names) {
    names = new Map([...ids].map(([name, id]) => [id, name]));
    namesById.set(ids, names);
  }
  const found = names;
  return (id: string) => found.get(id) ?? id;
}

export function mapVirtualHost(original: Obj, at: ConfigPath, ids: IdSource, clusters: ClusterIds, ctx: ImportContext): Route {
  const id = ids.route();
  const name = ctx.string(original.name, [...at, 'name']);
  const domainList = ctx.list(original.domains, [...at, 'domains']);
  const domains = domainList?.every((d) => typeof d === 'string' && d.length > 0) && domainList.length > 0 ? (domainList as string[]) : ['*'];
  const routeList = ctx.list(original.routes, [...at, 'routes']) ?? [];
  const rules = routeList.map((entry, i) => {
    const entryAt = [...at, 'routes', i];
    const route = ctx.object(entry, entryAt);
    return mapRule(route ?? {}, entryAt, ids.rule(), clusters, ctx);
  });
  const route: Route = { id, name: name || `virtual_host_${id.replace(/\D/g, '')}`, domains, rules };
  const diff = keptDiff(buildVirtualHost({ ...route, rules: [] }, clusterNameOf(clusters)), original, [['routes']]);
  ctx.keep(at, diff);
  return diff.patch ? { ...route, kept: diff.patch } : route;
}

function mapRule(original: Obj, at: ConfigPath, id: string, clusters: ClusterIds, ctx: ImportContext): Rule {
  const match = ctx.object(original.match, [...at, 'match']) ?? {};
  const rule: Rule = {
    id,
    name: ctx.string(original.name, [...at, 'name']) ?? '',
    match: mapMatch(match, [...at, 'match'], ctx),
    action: mapAction(original, at, clusters, ctx),
    headers: {
      requestAdd: headersToAdd(original.request_headers_to_add, [...at, 'request_headers_to_add'], ctx),
      requestRemove: headerNames(original.request_headers_to_remove),
      responseAdd: headersToAdd(original.response_headers_to_add, [...at, 'response_headers_to_add'], ctx),
      responseRemove: headerNames(original.response_headers_to_remove),
    },
  };
  const clusterName = clusterNameOf(clusters);
  // A list the model holds must generate exactly the original list, or it is kept verbatim instead.
  const exact = (built: Obj, path: string[]) => jsonEqual(dig(built, path), dig(original, path));
  let built = buildRoute(rule, clusterName);
  if (!exact(built, ['match', 'headers'])) rule.match = { ...rule.match, headers: [] };
  if (!exact(built, ['match', 'query_parameters'])) rule.match = { ...rule.match, queryParameters: [] };
  if (!exact(built, ['request_headers_to_add'])) rule.headers = { ...rule.headers, requestAdd: [] };
  if (!exact(built, ['request_headers_to_remove'])) rule.headers = { ...rule.headers, requestRemove: [] };
  if (!exact(built, ['response_headers_to_add'])) rule.headers = { ...rule.headers, responseAdd: [] };
  if (!exact(built, ['response_headers_to_remove'])) rule.headers = { ...rule.headers, responseRemove: [] };
  if (rule.action.kind === 'weighted' && !exact(built, ['route', 'weighted_clusters', 'clusters'])) rule.action = forwardAction(null);
  if ((rule.action.kind === 'cluster' || rule.action.kind === 'weighted') && rule.action.websocket && !exact(built, ['route', 'upgrade_configs'])) {
    rule.action = { ...rule.action, websocket: false };
  }
  built = buildRoute(rule, clusterName);
  const diff = keptDiff(built, original);
  ctx.keep(at, diff);
  return diff.patch ? { ...rule, kept: diff.patch } : rule;
}

function dig(value: unknown, path: string[]): unknown {
  let current = value;
  for (const key of path) current = isObj(current) ? current[key] : undefined;
  return current;
}

function mapMatch(match: Obj, at: ConfigPath, ctx: ImportContext): Rule['match'] {
  const base: Rule['match'] = { pathKind: 'prefix', path: '/', caseSensitive: true, headers: [], queryParameters: [] };
  const regex = isObj(match.safe_regex) ? match.safe_regex.regex : undefined;
  const candidates: [Rule['match']['pathKind'], unknown][] = [
    ['prefix', match.prefix],
    ['path', match.path],
    ['safe_regex', regex],
    ['path_separated_prefix', match.path_separated_prefix],
  ];
  for (const [kind, value] of candidates) {
    if (typeof value !== 'string') continue;
    const candidate = { ...base, pathKind: kind, path: value };
    if (RouteMatch.safeParse(candidate).success) Object.assign(base, { pathKind: kind, path: value });
    break;
  }
  const caseSensitive = ctx.boolean(match.case_sensitive, [...at, 'case_sensitive']);
  if (caseSensitive === false && base.pathKind !== 'safe_regex') base.caseSensitive = false;
  base.headers = headerMatchers(match.headers);
  base.queryParameters = queryMatchers(match.query_parameters);
  return base;
}

/** `{ exact | prefix | safe_regex: { regex } }` and nothing else, or null. */
function stringMatch(value: unknown): { kind: 'exact' | 'prefix' | 'regex'; value: string } | null {
  if (!isObj(value) || Object.keys(value).length !== 1) return null;
  if (typeof value.exact === 'string') return { kind: 'exact', value: value.exact };
  if (typeof value.prefix === 'string') return { kind: 'prefix', value: value.prefix };
  const regex = value.safe_regex;
  if (isObj(regex) && Object.keys(regex).length === 1 && typeof regex.regex === 'string') return { kind: 'regex', value: regex.regex };
  return null;
}

function headerMatchers(value: unknown): Rule['match']['headers'] {
  if (!Array.isArray(value)) return [];
  const out: Rule['match']['headers'] = [];
  for (const item of value) {
    if (!isObj(item) || typeof item.name !== 'string') return [];
    const { name, ...rest } = item;
    let matcher: unknown = null;
    const keys = Object.keys(rest).sort().join(',');
    if (keys === 'present_match' && rest.present_match === true) matcher = { name, kind: 'present', value: '' };
    else if (keys === 'invert_match,present_match' && rest.present_match === true && rest.invert_match === true) matcher = { name, kind: 'absent', value: '' };
    else if (keys === 'string_match') {
      const string = stringMatch(rest.string_match);
      if (string) matcher = { name, ...string };
    }
    const parsed = HeaderMatcher.safeParse(matcher);
    if (!parsed.success) return [];
    out.push(parsed.data);
  }
  return out;
}

function queryMatchers(value: unknown): Rule['match']['queryParameters'] {
  if (!Array.isArray(value)) return [];
  const out: Rule['match']['queryParameters'] = [];
  for (const item of value) {
    if (!isObj(item) || typeof item.name !== 'string') return [];
    const { name, ...rest } = item;
    let matcher: unknown = null;
    const keys = Object.keys(rest).join(',');
    if (keys === 'present_match' && rest.present_match === true) matcher = { name, kind: 'present', value: '' };
    else if (keys === 'string_match') {
      const string = stringMatch(rest.string_match);
      if (string) matcher = { name, ...string };
    }
    const parsed = QueryParameterMatcher.safeParse(matcher);
    if (!parsed.success) return [];
    out.push(parsed.data);
  }
  return out;
}

function headersToAdd(value: unknown, at: ConfigPath, ctx: ImportContext): HeaderToAdd[] {
  if (!Array.isArray(value)) return [];
  const out: HeaderToAdd[] = [];
  for (const [i, item] of value.entries()) {
    if (!isObj(item) || !isObj(item.header)) return [];
    const action = ctx.enumName(item.append_action, ENUMS.appendAction, [...at, i, 'append_action']);
    if (action !== undefined) item.append_action = action;
    const { key, value: headerValue } = item.header;
    if (typeof key !== 'string' || key === '' || typeof headerValue !== 'string') return [];
    if (action !== 'APPEND_IF_EXISTS_OR_ADD' && action !== 'OVERWRITE_IF_EXISTS_OR_ADD') return [];
    out.push({ name: key, value: headerValue, append: action === 'APPEND_IF_EXISTS_OR_ADD' });
  }
  return out;
}

function headerNames(value: unknown): string[] {
  return Array.isArray(value) && value.every((v) => typeof v === 'string' && v.length > 0) ? (value as string[]) : [];
}

function mapAction(original: Obj, at: ConfigPath, clusters: ClusterIds, ctx: ImportContext): RuleAction {
  const route = ctx.object(original.route, [...at, 'route']);
  if (route) return forward(route, [...at, 'route'], clusters, ctx);
  const redirect = ctx.object(original.redirect, [...at, 'redirect']);
  if (redirect) {
    const code = ctx.enumName(redirect.response_code, ENUMS.redirectCode, [...at, 'redirect', 'response_code']);
    if (code !== undefined) redirect.response_code = code;
    const host = ctx.string(redirect.host_redirect, [...at, 'redirect', 'host_redirect']);
    const path = ctx.string(redirect.path_redirect, [...at, 'redirect', 'path_redirect']);
    return {
      kind: 'redirect',
      hostRedirect: host ? host : null,
      pathRedirect: path ? path : null,
      httpsRedirect: redirect.https_redirect === true,
      responseCode: RedirectCode.catch('MOVED_PERMANENTLY').parse(code ?? 'MOVED_PERMANENTLY'),
    };
  }
  const direct = ctx.object(original.direct_response, [...at, 'direct_response']);
  if (direct) {
    const status = ctx.number(direct.status, [...at, 'direct_response', 'status']);
    if (status !== undefined) direct.status = status;
    const body = isObj(direct.body) && typeof direct.body.inline_string === 'string' ? direct.body.inline_string : '';
    const valid = status !== undefined && Number.isInteger(status) && status >= 200 && status <= 599;
    return { kind: 'direct', status: valid ? status : 200, body };
  }
  // No action the model has (filter_action, non_forwarding_action …): kept verbatim.
  return forwardAction(null);
}

function forward(route: Obj, at: ConfigPath, clusters: ClusterIds, ctx: ImportContext): RuleAction {
  const options = {
    timeout: durationOrNull(ctx.string(route.timeout, [...at, 'timeout'])),
    prefixRewrite: ctx.string(route.prefix_rewrite, [...at, 'prefix_rewrite']) ?? null,
    hostRewrite: ctx.string(route.host_rewrite_literal, [...at, 'host_rewrite_literal']) ?? null,
    retry: retryPolicy(route.retry_policy, [...at, 'retry_policy'], ctx),
    websocket: jsonEqual(route.upgrade_configs, [{ upgrade_type: 'websocket', enabled: true }]),
  };
  const cluster = ctx.string(route.cluster, [...at, 'cluster']);
  if (cluster !== undefined) {
    const id = clusters.get(cluster);
    return { ...forwardAction(id ?? null), ...options };
  }
  const weighted = ctx.object(route.weighted_clusters, [...at, 'weighted_clusters']);
  const list = weighted ? ctx.list(weighted.clusters, [...at, 'weighted_clusters', 'clusters']) : undefined;
  if (list && list.length > 0) {
    const targets = list.map((item) => {
      if (!isObj(item) || Object.keys(item).sort().join(',') !== 'name,weight' || typeof item.name !== 'string') return null;
      const id = clusters.get(item.name);
      const weight = typeof item.weight === 'number' && Number.isInteger(item.weight) && item.weight >= 0 && item.weight <= UINT32_MAX ? item.weight : null;
      return id && weight !== null ? { clusterId: id, weight } : null;
    });
    if (targets.every((t) => t !== null)) return { ...weightedAction(targets as { clusterId: string; weight: number }[]), ...options };
  }
  // cluster_header, a cluster specifier plugin, an unknown cluster …: kept verbatim.
  return { ...forwardAction(null), ...options };
}

function durationOrNull(value: string | undefined): string | null {
  return value !== undefined && Duration.safeParse(value).success ? value : null;
}

function retryPolicy(value: unknown, at: ConfigPath, ctx: ImportContext): RetryPolicy | null {
  const policy = ctx.object(value, at);
  if (!policy) return null;
  const retryOn = ctx.string(policy.retry_on, [...at, 'retry_on']);
  const numRetries = ctx.number(policy.num_retries, [...at, 'num_retries']);
  if (numRetries !== undefined) policy.num_retries = numRetries;
  if (!retryOn) return null;
  if (numRetries !== undefined && !(Number.isInteger(numRetries) && numRetries >= 0 && numRetries <= UINT32_MAX)) return null;
  // Envoy retries once when num_retries is not set.
  return { retryOn, numRetries: numRetries ?? 1, perTryTimeout: durationOrNull(ctx.string(policy.per_try_timeout, [...at, 'per_try_timeout'])) };
}
