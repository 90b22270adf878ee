// Route configuration checks Envoy makes when it builds an inline route table
// (source/common/router/config_impl.cc), with Envoy's own messages.
import { error, field, index, type Finding } from './findings.ts';
import { inlineRouteConfigs, listAt, objectAt, routesOf, stringAt, virtualHosts, type At } from './configWalk.ts';

/** Cluster names of `static_resources.clusters`: what the cluster manager knows at load time. */
export type ClusterNames = ReadonlySet<string>;

/** Duplicate and wildcard domains, compared lower-cased across all virtual hosts of a route config. */
export function domainFindings(routeConfig: At): Finding[] {
  const name = stringAt(routeConfig.value, 'name') ?? '';
  const seen = new Set<string>();
  let wildcard = false;
  const out: Finding[] = [];
  for (const host of virtualHosts(routeConfig)) {
    const domains = host.value.domains;
    if (!Array.isArray(domains)) continue;
    domains.forEach((domain, i) => {
      if (typeof domain !== 'string') return;
      const at = index(field(host.path, 'domains'), i);
      const lower = domain.toLowerCase();
      if (lower === '*') {
        if (wildcard) out.push(error('envoy.multiple-wildcard-domains', `Only a single wildcard domain is permitted in route ${name}`, at));
        wildcard = true;
        return;
      }
      if (seen.has(lower)) {
        out.push(error('envoy.duplicate-domain', `Only unique values for domains are permitted. Duplicate entry of domain ${lower} in route ${name}`, at));
      }
      seen.add(lower);
    });
  }
  return out;
}

function unknownClusterFinding(kind: '' | 'weighted ' | 'shadow ', name: unknown, clusters: ClusterNames, at: string): Finding[] {
  // An empty name is a constraint violation (min_len 1), reported by the constraint check.
  if (typeof name !== 'string' || name === '' || clusters.has(name)) return [];
  return [error('envoy.unknown-cluster', `route: unknown ${kind}cluster '${name}'`, at)];
}

function mirrorFindings(owner: At, clusters: ClusterNames): Finding[] {
  return listAt(owner, 'request_mirror_policies').flatMap((policy) =>
    unknownClusterFinding('shadow ', policy.value.cluster, clusters, field(policy.path, 'cluster')),
  );
}

/** Cluster names a route table refers to must exist (inline route_config, validate_clusters on). */
export function unknownClusterFindings(routeConfig: At, clusters: ClusterNames): Finding[] {
  const out = mirrorFindings(routeConfig, clusters);
  for (const host of virtualHosts(routeConfig)) {
    out.push(...mirrorFindings(host, clusters));
    for (const route of routesOf(host)) {
      const action = objectAt(route, 'route');
      if (!action) continue;
      out.push(...unknownClusterFinding('', action.value.cluster, clusters, field(action.path, 'cluster')));
      const weighted = objectAt(action, 'weighted_clusters');
      for (const entry of weighted ? listAt(weighted, 'clusters') : []) {
        out.push(...unknownClusterFinding('weighted ', entry.value.name, clusters, field(entry.path, 'name')));
      }
      out.push(...mirrorFindings(action, clusters));
    }
  }
  return out;
}

const UINT32_MAX = 4294967295;

/** Every weight must be given, and they must add up to more than 0 (and fit in a uint32). */
export function weightFindings(routeConfig: At): Finding[] {
  const out: Finding[] = [];
  for (const host of virtualHosts(routeConfig)) {
    for (const route of routesOf(host)) {
      const action = objectAt(route, 'route');
      const weighted = action && objectAt(action, 'weighted_clusters');
      if (!weighted) continue;
      let total = 0;
      let missing = false;
      for (const entry of listAt(weighted, 'clusters')) {
        const weight = entry.value.weight;
        if (weight === undefined) {
          missing = true;
          out.push(error('envoy.weighted-cluster-weight', `Field 'weight' is missing in: name: ${JSON.stringify(entry.value.name ?? '')}`, entry.path));
        } else {
          total += Number(weight) || 0;
        }
      }
      if (missing) continue;
      if (total === 0) {
        out.push(error('envoy.weighted-cluster-weight', 'Sum of weights in the weighted_cluster must be greater than 0.', weighted.path));
      } else if (total > UINT32_MAX) {
        out.push(error('envoy.weighted-cluster-weight', `The sum of weights of all weighted clusters of route ${stringAt(route.value, 'name') ?? ''} exceeds ${UINT32_MAX}`, weighted.path));
      }
    }
  }
  return out;
}

/** A route rewrites its path one way only. */
export function rewriteFindings(routeConfig: At): Finding[] {
  const out: Finding[] = [];
  for (const host of virtualHosts(routeConfig)) {
    for (const route of routesOf(host)) {
      const action = objectAt(route, 'route');
      if (!action) continue;
      const { prefix_rewrite, regex_rewrite, path_rewrite_policy } = action.value;
      const count = Number(typeof prefix_rewrite === 'string' && prefix_rewrite !== '') + Number(regex_rewrite != null) + Number(path_rewrite_policy != null);
      if (count > 1) out.push(error('envoy.multiple-rewrites', 'Specify only one of prefix_rewrite, regex_rewrite or path_rewrite_policy', action.path));
    }
  }
  return out;
}

/** Envoy's Http::HeaderUtility::isModifiableHeader: pseudo-headers and host are off limits. */
const isProtectedHeader = (name: string) => name.startsWith(':') || name.toLowerCase() === 'host';

/** Header mutations of one level (route config, virtual host, route, weighted cluster). */
function headerMutationFindings(owner: At): Finding[] {
  const out: Finding[] = [];
  for (const direction of ['request', 'response'] as const) {
    for (const option of listAt(owner, `${direction}_headers_to_add`)) {
      const header = objectAt(option, 'header');
      const key = header ? stringAt(header.value, 'key') : undefined;
      if (header && key !== undefined && isProtectedHeader(key)) {
        out.push(error('envoy.protected-header', ':-prefixed or host headers may not be modified', field(header.path, 'key')));
      }
    }
    const removed = owner.value[`${direction}_headers_to_remove`];
    if (!Array.isArray(removed)) continue;
    removed.forEach((name, i) => {
      if (typeof name === 'string' && isProtectedHeader(name)) {
        out.push(error('envoy.protected-header', ':-prefixed or host headers may not be removed', index(field(owner.path, `${direction}_headers_to_remove`), i)));
      }
    });
  }
  return out;
}

export function headerFindings(routeConfig: At): Finding[] {
  const out = headerMutationFindings(routeConfig);
  for (const host of virtualHosts(routeConfig)) {
    out.push(...headerMutationFindings(host));
    for (const route of routesOf(host)) {
      out.push(...headerMutationFindings(route));
      const action = objectAt(route, 'route');
      const weighted = action && objectAt(action, 'weighted_clusters');
      for (const entry of weighted ? listAt(weighted, 'clusters') : []) out.push(...headerMutationFindings(entry));
    }
  }
  return out;
}

// Envoy's DEFAULT_MAX_DIRECT_RESPONSE_BODY_SIZE_BYTES, unless the route config raises it.
const DEFAULT_MAX_BODY_BYTES = 4096;
const utf8Bytes = (text: string) => new TextEncoder().encode(text).length;
const base64Bytes = (text: string) => Math.floor((text.replace(/=+$/, '').length * 3) / 4);

/** Inline direct_response bodies are read at load time and must fit the route config's limit. */
export function directResponseFindings(routeConfig: At): Finding[] {
  const limit = Number(routeConfig.value.max_direct_response_body_size_bytes ?? DEFAULT_MAX_BODY_BYTES);
  const out: Finding[] = [];
  for (const host of virtualHosts(routeConfig)) {
    for (const route of routesOf(host)) {
      const direct = objectAt(route, 'direct_response');
      const body = direct && objectAt(direct, 'body');
      if (!body) continue;
      const { inline_string, inline_bytes } = body.value;
      const size = typeof inline_bytes === 'string' && inline_bytes !== '' ? base64Bytes(inline_bytes) : typeof inline_string === 'string' ? utf8Bytes(inline_string) : 0;
      if (size > limit) out.push(error('envoy.direct-response-too-large', `response body size is ${size} bytes; maximum is ${limit}`, body.path));
    }
  }
  return out;
}

/** Every route-table rule, over every inline route_config of the bootstrap. */
export function routeFindings(config: unknown, clusters: ClusterNames): Finding[] {
  return inlineRouteConfigs(config).flatMap(({ routeConfig, validateClusters }) => [
    ...domainFindings(routeConfig),
    ...(validateClusters ? unknownClusterFindings(routeConfig, clusters) : []),
    ...weightFindings(routeConfig),
    ...rewriteFindings(routeConfig),
    ...headerFindings(routeConfig),
    ...directResponseFindings(routeConfig),
  ]);
}
