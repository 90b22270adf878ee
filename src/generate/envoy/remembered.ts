// The Envoy objects of elements that did not change, built once. A keystroke at 1,000 rules
// changes one element; building every cluster, virtual host and route again cost more than
// writing envoy.json itself (issue #8). Design elements are immutable values (every model
// operation returns new objects), so an element's identity says it is unchanged; what a route
// builds also depends on the names of the clusters it forwards to, so it is built again when one
// of those names changed. The objects handed out are deep-frozen: they are shared by every
// generation that reuses them, and yamlText.ts remembers the text of frozen objects.
import type { Cluster, Route, Rule } from '../../model/schema';
import { buildCluster } from './cluster';
import { buildRoute, buildVirtualHost, type ClusterNames } from './route';

type Obj = Record<string, unknown>;
/** A built object and the cluster names it asked for while it was built, in order. */
type Built = { value: Obj; names: Array<[id: string, name: string]> };

let CLUSTERS = new WeakMap<Cluster, Obj>();
let VIRTUAL_HOSTS = new WeakMap<Route, Built>();
let ROUTES = new WeakMap<Rule, Built>();

/**
 * The clusters and virtual hosts handed out here: the parts a config checksum digests one by one
 * (checksum.ts). Not each route too: from scratch, 1,000 more small hashes cost more than the
 * virtual hosts' routes hashed as part of them (at 1,000 rules ~8 → ~4 ms).
 */
const PARTS = new WeakSet<object>();
export const isRememberedPart = (value: object): boolean => PARTS.has(value);

/** For benchmarks: build every element again from here on, as on opening a design. */
export function forgetRememberedElements(): void {
  CLUSTERS = new WeakMap();
  VIRTUAL_HOSTS = new WeakMap();
  ROUTES = new WeakMap();
}

export function rememberedCluster(cluster: Cluster): Obj {
  let built = CLUSTERS.get(cluster);
  if (!built) CLUSTERS.set(cluster, (built = asPart(deepFreeze(buildCluster(cluster)))));
  return built;
}

export function rememberedVirtualHost(route: Route, clusterName: ClusterNames): Obj {
  return rememberedWithNames(VIRTUAL_HOSTS, route, clusterName, (names) => asPart(buildVirtualHost(route, names, rememberedRoute)));
}

export function rememberedRoute(rule: Rule, clusterName: ClusterNames): Obj {
  return rememberedWithNames(ROUTES, rule, clusterName, (names) => buildRoute(rule, names));
}

function rememberedWithNames<E extends object>(cache: WeakMap<E, Built>, element: E, clusterName: ClusterNames, build: (names: ClusterNames) => Obj): Obj {
  const kept = cache.get(element);
  // Asked through clusterName, so an enclosing build records these names as its own too.
  if (kept && kept.names.every(([id, name]) => clusterName(id) === name)) return kept.value;
  const names: Built['names'] = [];
  const value = deepFreeze(
    build((id) => {
      const name = clusterName(id);
      names.push([id, name]);
      return name;
    }),
  );
  cache.set(element, { value, names });
  return value;
}

function asPart(value: Obj): Obj {
  PARTS.add(value);
  return value;
}

/**
 * Freezes `value` and everything in it. An object that is frozen already is taken to be frozen
 * all the way down (it came from here): a virtual host does not walk its remembered routes again.
 */
export function deepFreeze<T>(value: T): T {
  if (typeof value !== 'object' || value === null || Object.isFrozen(value)) return value;
  Object.freeze(value);
  for (const key of Object.keys(value)) deepFreeze((value as Obj)[key]);
  return value;
}
