// A design route is an Envoy virtual host; its rules become routes, in the user's order
// (Envoy takes the first that matches).
import type { HeaderMatcher, HeaderToAdd, QueryParameterMatcher, Route, Rule, RuleAction, RouteMatch } from '../../model/schema';
import { applyKept } from './kept';

/** Resolves a cluster id to its name. A removed cluster resolves to its dangling id (see problems.ts). */
export type ClusterNames = (clusterId: string) => string;

/** The virtual host of a route; `route` builds each rule (remembered.ts passes its remembering one). */
export function buildVirtualHost(route: Route, clusterName: ClusterNames, ruleRoute: typeof buildRoute = buildRoute): Record<string, unknown> {
  return applyKept(
    {
      name: route.name,
      domains: route.domains,
      routes: route.rules.map((rule) => ruleRoute(rule, clusterName)),
    },
    route.kept,
  );
}

/** One rule as an Envoy route (exported for the importer, which diffs against it). */
export function buildRoute(rule: Rule, clusterName: ClusterNames): Record<string, unknown> {
  const { headers } = rule;
  return applyKept(
    {
      ...(rule.name && { name: rule.name }),
      match: buildMatch(rule.match),
      ...buildAction(rule.action, clusterName),
      ...(headers.requestAdd.length > 0 && { request_headers_to_add: headers.requestAdd.map(headerToAdd) }),
      ...(headers.requestRemove.length > 0 && { request_headers_to_remove: headers.requestRemove }),
      ...(headers.responseAdd.length > 0 && { response_headers_to_add: headers.responseAdd.map(headerToAdd) }),
      ...(headers.responseRemove.length > 0 && { response_headers_to_remove: headers.responseRemove }),
    },
    rule.kept,
  );
}

function buildMatch(match: RouteMatch): Record<string, unknown> {
  const path = match.pathKind === 'safe_regex' ? { safe_regex: { regex: match.path } } : { [match.pathKind]: match.path };
  return {
    ...path,
    // case_sensitive covers prefix, path and path_separated_prefix only; it defaults to true.
    ...(!match.caseSensitive && match.pathKind !== 'safe_regex' && { case_sensitive: false }),
    ...(match.headers.length > 0 && { headers: match.headers.map(headerMatcher) }),
    ...(match.queryParameters.length > 0 && { query_parameters: match.queryParameters.map(queryMatcher) }),
  };
}

function stringMatch(kind: 'exact' | 'prefix' | 'regex', value: string) {
  return kind === 'regex' ? { safe_regex: { regex: value } } : { [kind]: value };
}

function headerMatcher(matcher: HeaderMatcher) {
  switch (matcher.kind) {
    case 'present':
      return { name: matcher.name, present_match: true };
    case 'absent':
      // present_match:false meant "absent" only in later Envoy versions; an inverted presence
      // test means the same in every v3 release.
      return { name: matcher.name, present_match: true, invert_match: true };
    default:
      return { name: matcher.name, string_match: stringMatch(matcher.kind, matcher.value) };
  }
}

function queryMatcher(matcher: QueryParameterMatcher) {
  if (matcher.kind === 'present') return { name: matcher.name, present_match: true };
  return { name: matcher.name, string_match: stringMatch(matcher.kind, matcher.value) };
}

function headerToAdd(header: HeaderToAdd) {
  return {
    header: { key: header.name, value: header.value },
    append_action: header.append ? 'APPEND_IF_EXISTS_OR_ADD' : 'OVERWRITE_IF_EXISTS_OR_ADD',
  };
}

function buildAction(action: RuleAction, clusterName: ClusterNames): Record<string, unknown> {
  switch (action.kind) {
    case 'redirect':
      return {
        redirect: {
          ...(action.hostRedirect && { host_redirect: action.hostRedirect }),
          ...(action.pathRedirect && { path_redirect: action.pathRedirect }),
          ...(action.httpsRedirect && { https_redirect: true }),
          response_code: action.responseCode,
        },
      };
    case 'direct':
      return { direct_response: { status: action.status, ...(action.body && { body: { inline_string: action.body } }) } };
    case 'cluster':
      // An unconnected rule still names a cluster so Envoy (and our validator) flag it.
      return { route: { cluster: action.clusterId ? clusterName(action.clusterId) : '', ...forwardOptions(action) } };
    case 'weighted':
      return {
        route: {
          weighted_clusters: {
            clusters: action.clusters.map((c) => ({ name: clusterName(c.clusterId), weight: c.weight })),
          },
          ...forwardOptions(action),
        },
      };
  }
}

type ForwardAction = Extract<RuleAction, { kind: 'cluster' | 'weighted' }>;

function forwardOptions(action: ForwardAction): Record<string, unknown> {
  return {
    ...(action.timeout !== null && { timeout: action.timeout }),
    ...(action.prefixRewrite !== null && { prefix_rewrite: action.prefixRewrite }),
    ...(action.hostRewrite !== null && { host_rewrite_literal: action.hostRewrite }),
    ...(action.retry && {
      retry_policy: {
        retry_on: action.retry.retryOn,
        num_retries: action.retry.numRetries,
        ...(action.retry.perTryTimeout !== null && { per_try_timeout: action.retry.perTryTimeout }),
      },
    }),
    // The listener declares websocket disabled; this route turns it on (see listener.ts).
    ...(action.websocket && { upgrade_configs: [{ upgrade_type: 'websocket', enabled: true }] }),
  };
}

export function usesWebsocket(routes: Route[]): boolean {
  return routes.some((route) =>
    route.rules.some((rule) => (rule.action.kind === 'cluster' || rule.action.kind === 'weighted') && rule.action.websocket),
  );
}
