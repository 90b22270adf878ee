// Where a design element lands in the generated bootstrap, as a path of keys and indexes.
// Used to reveal a selected element in the preview, and to point findings at Envoy config paths.
import type { Design, Listener } from '../../model/schema';

export type ConfigPath = (string | number)[];

/**
 * Where a listener's own filter config is (its connection manager or tcp_proxy typed_config).
 * Imported listeners may keep filter chains or network filters before it; a raw listener has none
 * of the model's.
 */
function mainFilterPathIn(listener: Listener): ConfigPath | null {
  if (listener.raw) return null;
  const chain = listener.kept?.filterChainsBefore?.length ?? 0;
  const filter = listener.kept?.filtersBefore?.length ?? 0;
  return ['filter_chains', chain, 'filters', filter, 'typed_config'];
}

/** Where an HTTP listener's virtual hosts are, inside the listener: its inline route_config. */
export function virtualHostsPathIn(listener: Listener): ConfigPath | null {
  const main = listener.protocol === 'http' ? mainFilterPathIn(listener) : null;
  return main && [...main, 'route_config', 'virtual_hosts'];
}

/** Where a TCP listener names its cluster, inside the listener. */
export function tcpClusterPathIn(listener: Listener): ConfigPath | null {
  const main = listener.protocol === 'tcp' ? mainFilterPathIn(listener) : null;
  return main && [...main, 'cluster'];
}

export function envoyPathOf(design: Design, id: string): ConfigPath | null {
  const listenerIndex = design.listeners.findIndex((l) => l.id === id);
  if (listenerIndex >= 0) return ['static_resources', 'listeners', listenerIndex];
  const clusterIndex = design.clusters.findIndex((c) => c.id === id);
  if (clusterIndex >= 0) return ['static_resources', 'clusters', clusterIndex];
  for (const route of design.routes) {
    const ruleIndex = route.rules.findIndex((r) => r.id === id);
    if (route.id !== id && ruleIndex < 0) continue;
    // A virtual host is emitted inside every listener that serves it; point at the first.
    const at = virtualHostPath(design, route.id);
    if (!at) return null;
    return ruleIndex >= 0 ? [...at, 'routes', ruleIndex] : at;
  }
  return null;
}

function virtualHostPath(design: Design, routeId: string): ConfigPath | null {
  for (const [listenerIndex, listener] of design.listeners.entries()) {
    const inside = virtualHostsPathIn(listener);
    if (!inside) continue;
    // Only served routes that exist are emitted, so the index counts existing ones.
    const served = listener.routeIds.filter((r) => design.routes.some((route) => route.id === r));
    const hostIndex = served.indexOf(routeId);
    if (hostIndex >= 0) return ['static_resources', 'listeners', listenerIndex, ...inside, hostIndex];
  }
  return null;
}
