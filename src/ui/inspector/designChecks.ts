// Checks that compare a value with the rest of the design: unique names, ports, domains, mounts.
import type { Design, Listener, Route, WeightedTarget } from '../../model/schema';
import type { Check } from './parse';

type NamedKind = 'listener' | 'route' | 'cluster';

function elementsOf(design: Design, kind: NamedKind): { id: string; name: string }[] {
  return kind === 'listener' ? design.listeners : kind === 'route' ? design.routes : design.clusters;
}

/** Envoy refuses two listeners (or clusters, or virtual hosts) with the same name. */
export function uniqueName(design: Design, kind: NamedKind, id: string): Check {
  const others = elementsOf(design, kind).filter((e) => e.id !== id);
  return (name) => (others.some((e) => e.name === name) ? `another ${kind} is already named "${name}"` : null);
}

/** A port Envoy binds: no other listener, nor the admin interface, nor the app may use it. */
export function listenerPort(design: Design, listenerId: string): Check<number> {
  return (port) => {
    const other = design.listeners.find((l) => l.id !== listenerId && l.port === port);
    if (other) return `listener "${other.name}" already uses port ${port}`;
    if (design.deployment.admin.port === port) return `the admin interface already uses port ${port}`;
    if (design.deployment.app?.port === port) return `the app container already uses port ${port}`;
    return null;
  };
}

export function adminPort(design: Design): Check<number> {
  return (port) => {
    const listener = design.listeners.find((l) => l.port === port);
    if (listener) return `listener "${listener.name}" already uses port ${port}`;
    if (design.deployment.app?.port === port) return `the app container already uses port ${port}`;
    return null;
  };
}

/** The app shares the Pod's network with Envoy, so its port must differ from Envoy's. */
export function appPort(design: Design): Check<number> {
  return (port) => {
    const listener = design.listeners.find((l) => l.port === port);
    if (listener) return `listener "${listener.name}" already uses port ${port}`;
    if (design.deployment.admin.port === port) return `the admin interface already uses port ${port}`;
    return null;
  };
}

/** Routes served by a listener that also serves `routeId`: Envoy puts them in one route table. */
function coServedRoutes(design: Design, routeId: string): { route: Route; listener: string }[] {
  const result: { route: Route; listener: string }[] = [];
  for (const listener of design.listeners) {
    if (!listener.routeIds.includes(routeId)) continue;
    for (const id of listener.routeIds) {
      const route = design.routes.find((r) => r.id === id);
      if (route && id !== routeId && !result.some((r) => r.route.id === id)) result.push({ route, listener: listener.name });
    }
  }
  return result;
}

/** The domain at `index` of a route: unique in the route and in every route table it is part of. */
export function domain(design: Design, routeId: string, index: number): Check {
  const route = design.routes.find((r) => r.id === routeId);
  const siblings = route ? route.domains.filter((_, i) => i !== index) : [];
  return (value) => {
    if (value === '') return 'a domain must not be empty';
    if (/\s/.test(value)) return 'must not contain spaces';
    if (siblings.includes(value)) return `this route already has domain "${value}"`;
    const clash = coServedRoutes(design, routeId).find(({ route: r }) => r.domains.includes(value));
    if (clash) return `route "${clash.route.name}" also has "${value}" and listener "${clash.listener}" serves both`;
    return null;
  };
}

/** A domain not yet used by the route nor by routes sharing a listener with it. */
export function freeDomain(design: Design, routeId: string): string {
  const taken = new Set([routeId, ...coServedRoutes(design, routeId).map((r) => r.route.id)].flatMap(
    (id) => design.routes.find((r) => r.id === id)?.domains ?? [],
  ));
  for (let n = 1; ; n++) if (!taken.has(`host${n}.example.com`)) return `host${n}.example.com`;
}

/** Kubernetes refuses two volumes mounted at one path; the config itself lives in /etc/envoy. */
export function mountPath(design: Design, listenerId: string, secretName: string): Check {
  return (path) => {
    const normal = path.replace(/\/+$/, '');
    if (normal === '/etc/envoy') return 'is where the Envoy config is mounted; use a sub-directory like /etc/envoy/tls';
    const other = design.listeners.find(
      (l) => l.id !== listenerId && l.tls && l.tls.mountPath.replace(/\/+$/, '') === normal && l.tls.secretName !== secretName,
    );
    return other ? `listener "${other.name}" mounts Secret "${other.tls!.secretName}" at this path` : null;
  };
}

/** Labels the generator sets itself; a user value would be silently replaced. */
export const RESERVED_LABELS = ['app.kubernetes.io/name', 'app.kubernetes.io/component', 'app.kubernetes.io/managed-by'];

export function labelKey(keys: string[], index: number): Check {
  const others = keys.filter((_, i) => i !== index);
  return (key) => {
    if (RESERVED_LABELS.includes(key)) return `"${key}" is set by the generator`;
    return others.includes(key) ? `label "${key}" is already set` : null;
  };
}

/** A weighted split needs some weight: Envoy refuses one whose weights add up to 0. */
export function splitWeight(clusters: WeightedTarget[], index: number): Check<number> {
  const others = clusters.filter((_, i) => i !== index).reduce((sum, c) => sum + c.weight, 0);
  return (weight) => {
    if (weight + others === 0) return 'the weights of a split must not all be 0';
    return weight + others > 4294967295 ? 'the weights of a split must add up to at most 4294967295' : null;
  };
}

/** Why Envoy would refuse `route` beside the listener's other routes, or null. */
export function domainClash(design: Design, listener: Listener, route: Route): string | null {
  for (const id of listener.routeIds) {
    const served = design.routes.find((r) => r.id === id);
    const shared = served?.domains.find((d) => route.domains.includes(d));
    if (served && shared) return `domain ${shared} is already served by ${served.name}`;
  }
  return null;
}
