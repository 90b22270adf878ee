// Maps config paths back to design elements: a finding belongs to the element whose config path
// is the longest prefix of the finding's path. A route served by several listeners is emitted
// under each of them, so all those copies map to it.
// Connections (canvas edges) own the parts of the config that exist because of them: a rule's
// cluster reference or weighted entry, a TCP listener's cluster, and a served route's domains
// (which clash only with the other routes of the same listener).
import { tcpClusterPathIn, virtualHostsPathIn, type ConfigPath } from '../generate/envoy/paths.ts';
import type { Design, Rule } from '../model/schema.ts';
import { edgeId } from '../model/edgeIds.ts';

export function formatPath(path: ConfigPath): string {
  let out = '';
  for (const part of path) out += typeof part === 'number' ? `[${part}]` : out ? `.${part}` : part;
  return out;
}

export type ElementIndex = {
  /** The element owning `path` (longest prefix match), or null. */
  elementAt(path: string): string | null;
  /** Every config path of an element, the one envoyPathOf returns first; empty if not emitted. */
  pathsOf(id: string): string[];
  /** The connection (edge id) whose part of the config holds `path`, or null. */
  edgeAt(path: string): string | null;
};

/** Longest-prefix lookup: cut one path component at a time from the end (`a.b[2].c` → `a.b[2]` → …). */
function longestPrefix(byPath: Map<string, string>, path: string): string | null {
  let end = path.length;
  while (end > 0) {
    const id = byPath.get(path.slice(0, end));
    if (id !== undefined) return id;
    end = Math.max(path.lastIndexOf('.', end - 1), path.lastIndexOf('[', end - 1));
  }
  return null;
}

/**
 * Config paths (inside the rule) of each cluster reference of a rule, with the edge it draws.
 * A reference to a removed cluster draws no edge (the rule row shows it dangling).
 */
function ruleConnections(rule: Rule, clusterIds: ReadonlySet<string>): [ConfigPath, string][] {
  const { action } = rule;
  const refs: [ConfigPath, string][] =
    action.kind === 'cluster' ? [[['route', 'cluster'], action.clusterId ?? '']]
    : action.kind === 'weighted' ? action.clusters.map((c, k) => [['route', 'weighted_clusters', 'clusters', k], c.clusterId])
    : [];
  return refs.filter(([, clusterId]) => clusterIds.has(clusterId)).map(([path, clusterId]) => [path, edgeId(rule.id, clusterId)]);
}

export function elementIndex(design: Design): ElementIndex {
  const byPath = new Map<string, string>();
  const byId = new Map<string, string[]>();
  const edgesByPath = new Map<string, string>();
  const clusterIds = new Set(design.clusters.map((c) => c.id));
  const add = (id: string, path: ConfigPath) => {
    const text = formatPath(path);
    byPath.set(text, id);
    const paths = byId.get(id);
    if (paths) paths.push(text);
    else byId.set(id, [text]);
  };

  // Listeners and clusters are emitted in design order (envoyPathOf's paths, without its search).
  design.listeners.forEach((listener, i) => add(listener.id, ['static_resources', 'listeners', i]));
  design.clusters.forEach((cluster, i) => add(cluster.id, ['static_resources', 'clusters', i]));

  // Virtual hosts listener by listener, in the order paths.ts counts them (served routes that
  // exist), so that a route's first path is envoyPathOf's.
  const routes = new Map(design.routes.map((r) => [r.id, r]));
  design.listeners.forEach((listener, listenerIndex) => {
    const listenerPath = ['static_resources', 'listeners', listenerIndex];
    const tcpCluster = tcpClusterPathIn(listener);
    if (tcpCluster && listener.tcpClusterId && clusterIds.has(listener.tcpClusterId)) edgesByPath.set(formatPath([...listenerPath, ...tcpCluster]), edgeId(listener.id, listener.tcpClusterId));
    const inside = virtualHostsPathIn(listener);
    if (!inside) return;
    listener.routeIds
      .filter((id) => routes.has(id))
      .forEach((routeId, hostIndex) => {
        const route = routes.get(routeId)!;
        const hostPath = [...listenerPath, ...inside, hostIndex];
        add(route.id, hostPath);
        edgesByPath.set(formatPath([...hostPath, 'domains']), edgeId(listener.id, route.id));
        route.rules.forEach((rule, ruleIndex) => {
          const rulePath = [...hostPath, 'routes', ruleIndex];
          add(rule.id, rulePath);
          for (const [inRule, edge] of ruleConnections(rule, clusterIds)) edgesByPath.set(formatPath([...rulePath, ...inRule]), edge);
        });
      });
  });

  return {
    elementAt: (path) => longestPrefix(byPath, path),
    pathsOf: (id) => byId.get(id) ?? [],
    edgeAt: (path) => longestPrefix(edgesByPath, path),
  };
}
