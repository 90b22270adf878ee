// Two ways an imported design meets the current one, both pure:
// - `mergeDesigns`: Import → "Merge into current design". The imported elements are added beside
//   the current ones through the clipboard's paste (fresh ids, unique names, references remapped),
//   then their own ports are kept where free and their kept config follows renamed clusters.
// - `rebuildFromConfig`: the preview's Edit → Apply. The design imported from an edited copy of
//   the current design's own Envoy config becomes its next version: elements keep their ids and
//   places, and what the config does not say (name, Kubernetes settings, test cases) stays.
import { copyElements, pasteClip } from './clipboard';
import { nextId } from './ids';
import { freePort } from './operations';
import type { Cluster, Design, KeptPatch, Listener, Position, RuleAction } from './schema';

export type Merged = {
  design: Design;
  /** The ids of the added listeners, routes and clusters. */
  ids: string[];
  /** What the merge changed or left out, in a few words each: renames, moved ports, bootstrap settings. */
  notes: string[];
};

/** Space between the current elements and the ones placed below them. */
const GAP = 120;

/**
 * Adds every listener, route and cluster of `imported` (with what they kept as is) to `current`.
 * Names that are taken get a `-2`, `-3` … suffix (Envoy needs unique listener and cluster names);
 * listeners keep their port unless it is taken, then get the lowest free one; the imported
 * elements are placed below the current ones. Design-level data stays the current design's: its
 * name, deployment and test cases; of the imported bootstrap-level kept config, only settings the
 * current design does not have are added (a note lists the others as not merged).
 */
export function mergeDesigns(current: Design, imported: Design): Merged {
  const clip = copyElements(imported, [...imported.clusters, ...imported.routes, ...imported.listeners].map((e) => e.id));
  const pasted = pasteClip(current, clip, offsetBelow(current, imported.layout));
  // pasteClip adds clusters, then routes, then listeners, each in clip order.
  const newId = new Map([...clip.clusters, ...clip.routes, ...clip.listeners].map((e, i) => [e.id, pasted.ids[i]]));
  const notes: string[] = [];
  const renamedClusters = new Map<string, string>();
  const noteRenames = (kind: string, before: { id: string; name: string }[], after: { id: string; name: string }[], renamed?: Map<string, string>) => {
    for (const element of before) {
      const name = after.find((e) => e.id === newId.get(element.id))?.name;
      if (name === undefined || name === element.name) continue;
      renamed?.set(element.name, name);
      notes.push(`${kind} "${element.name}" is added as "${name}": the name is taken`);
    }
  };
  noteRenames('listener', imported.listeners, pasted.design.listeners);
  noteRenames('route', imported.routes, pasted.design.routes);
  noteRenames('cluster', imported.clusters, pasted.design.clusters, renamedClusters);

  const added = new Set(pasted.ids);
  const follow = <T>(element: T): T => (renamedClusters.size > 0 ? (followRenames(element, renamedClusters) as T) : element);
  let design: Design = {
    ...pasted.design,
    listeners: pasted.design.listeners.map((l) => (added.has(l.id) ? follow(l) : l)),
    routes: pasted.design.routes.map((r) => (added.has(r.id) ? follow(r) : r)),
    clusters: pasted.design.clusters.map((c) => (added.has(c.id) ? follow(c) : c)),
  };
  design = withOwnPorts(design, imported.listeners, newId, notes);
  const bootstrap = mergeKeptBootstrap(current.keptBootstrap, imported.keptBootstrap && follow(imported.keptBootstrap), notes);
  if (bootstrap) design = { ...design, keptBootstrap: bootstrap };
  const address = (d: Design) => `${d.deployment.admin.address}:${d.deployment.admin.port}`;
  if (address(imported) !== address(current)) notes.push(`the imported admin address ${address(imported)} is not merged: the current design's ${address(current)} stays`);
  if (imported.tests?.length) notes.push(`${imported.tests.length} saved test case(s) of "${imported.name}" are not merged: the current design keeps its own`);
  return { design, ids: pasted.ids, notes };
}

/**
 * Puts back each added listener's own port (pasteClip gave every copy a fresh one) where no other
 * listener, nor the admin or app, uses it; a taken port becomes the lowest free one. A listener
 * kept whole (`raw`) is emitted as it was, so it keeps its port either way and the clash is noted.
 */
function withOwnPorts(design: Design, originals: Listener[], newId: Map<string, string>, notes: string[]): Design {
  const own = new Map(originals.map((l) => [newId.get(l.id), l.port]));
  let result: Design = { ...design, listeners: design.listeners.map((l) => (own.has(l.id) ? { ...l, port: own.get(l.id)! } : l)) };
  const { admin, app } = design.deployment;
  for (const listener of result.listeners) {
    if (!own.has(listener.id)) continue;
    const index = result.listeners.findIndex((l) => l.id === listener.id);
    const taken = listener.port === admin.port || listener.port === app?.port || result.listeners.slice(0, index).some((l) => l.port === listener.port);
    if (!taken) continue;
    if (listener.raw) {
      notes.push(`listener "${listener.name}" is kept whole and binds port ${listener.port}, which is taken: change one of them`);
      continue;
    }
    const port = freePort(result);
    result = { ...result, listeners: result.listeners.map((l) => (l.id === listener.id ? { ...l, port } : l)) };
    notes.push(`listener "${listener.name}" listens on ${port}: ${listener.port} is taken`);
  }
  return result;
}

/** Keys at which Envoy names a cluster: a string, or a list of them (`cluster_names`, aggregate `clusters`). */
const CLUSTER_REFERENCES = new Set(['cluster', 'cluster_name', 'cluster_names', 'collector_cluster', 'clusters']);

/**
 * `value` with the cluster names Envoy config refers to (route and tcp_proxy `cluster`, gRPC
 * `cluster_name`, tracing `collector_cluster`, weighted clusters' `name` …) renamed. The kept
 * patch forms (`$value`, `$replaceIfEqual` … `with`) are looked through.
 */
function followRenames(value: unknown, renamed: Map<string, string>, key = ''): unknown {
  if (typeof value === 'string') return CLUSTER_REFERENCES.has(key) ? (renamed.get(value) ?? value) : value;
  if (Array.isArray(value)) return value.map((item) => followRenames(item, renamed, key));
  if (typeof value !== 'object' || value === null) return value;
  const keyOf = (inner: string) => (inner.startsWith('$') || inner === 'with' ? key : key === 'clusters' && inner === 'name' ? 'cluster' : inner);
  return Object.fromEntries(Object.entries(value).map(([inner, v]) => [inner, followRenames(v, renamed, keyOf(inner))]));
}

/**
 * The current design's bootstrap-level kept config, plus the imported one's settings it does not
 * have (at the top level, and one level into `static_resources`, e.g. `secrets`). Settings both
 * have with different values stay the current design's and are noted as not merged, and so does
 * `admin`: its patch is relative to the imported deployment's admin, which is not merged.
 */
function mergeKeptBootstrap(current: KeptPatch | undefined, imported: KeptPatch | undefined, notes: string[], at = ''): KeptPatch | undefined {
  if (!imported) return current;
  const result: KeptPatch = { ...current };
  for (const [key, value] of Object.entries(imported)) {
    const path = at ? `${at}.${key}` : key;
    if (JSON.stringify(result[key]) === JSON.stringify(value)) continue;
    if (key === 'admin' && !at) {
      // A patch on the admin the imported deployment generated; the current deployment's stays.
      notes.push(`bootstrap setting admin of the imported config is not merged: the current design's admin stays`);
    } else if (!(key in result)) {
      result[key] = value;
      notes.push(`bootstrap setting ${path} is added from the imported config`);
    } else if (key === 'static_resources' && !at && isObject(result[key]) && isObject(value)) {
      result[key] = mergeKeptBootstrap(result[key] as KeptPatch, value as KeptPatch, notes, key);
    } else {
      notes.push(`bootstrap setting ${path} of the imported config is not merged: the current design's stays`);
    }
  }
  return result;
}

const isObject = (value: unknown) => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * How far to move positions in `layout` so that they sit below every element of `current`, left
 * aligned with them. Node heights are estimated generously (a route grows with its rules).
 */
function offsetBelow(current: Design, layout: Record<string, Position>): Position {
  const incoming = Object.values(layout);
  const heights: [string, number][] = [
    ...current.listeners.map((l): [string, number] => [l.id, 100]),
    ...current.routes.map((r): [string, number] => [r.id, 90 + 30 * r.rules.length]),
    ...current.clusters.map((c): [string, number] => [c.id, 100]),
  ];
  const placed = heights.flatMap(([id, height]) => (current.layout[id] ? [{ ...current.layout[id], height }] : []));
  if (incoming.length === 0 || placed.length === 0) return { x: 0, y: 0 };
  const bottom = Math.max(...placed.map((p) => p.y + p.height));
  const left = Math.min(...placed.map((p) => p.x));
  return { x: left - Math.min(...incoming.map((p) => p.x)), y: bottom + GAP - Math.min(...incoming.map((p) => p.y)) };
}

// ---- Rebuilding from an edited config -------------------------------------------------------

/**
 * `edited` (imported from the current design's own Envoy config, as the user changed it) as the
 * next version of `current`. Elements are paired with the current ones of their kind by name, the
 * rest in order (an element renamed in the text stays the same element), and rules by position in
 * paired routes: paired ones keep their id and position, so the canvas stays put and saved test
 * cases still point at them; the others get fresh ids and are placed below. The design's name,
 * deployment (but the admin address, which the config sets), test cases and listeners' TLS Secret
 * names are the current ones.
 */
export function rebuildFromConfig(current: Design, edited: Design): Design {
  const ids = new Map<string, string>();
  const pair = <T extends { id: string; name: string }>(was: T[], now: T[]) => {
    const free = [...was];
    const unnamed = now.filter((element) => {
      const index = free.findIndex((w) => w.name === element.name);
      if (index < 0) return true;
      ids.set(element.id, free.splice(index, 1)[0].id);
      return false;
    });
    unnamed.forEach((element, i) => {
      if (free[i]) ids.set(element.id, free[i].id);
    });
  };
  pair(current.listeners, edited.listeners);
  pair(current.routes, edited.routes);
  pair(current.clusters, edited.clusters);
  for (const route of edited.routes) {
    const was = current.routes.find((r) => r.id === ids.get(route.id));
    route.rules.forEach((rule, i) => {
      if (was?.rules[i]) ids.set(rule.id, was.rules[i].id);
    });
  }
  const paired = new Set(ids.values());
  // Fresh ids above every id the current design uses, so none is read as an element it had.
  let taken = current;
  const fresh = (id: string, prefix: string) => {
    if (ids.has(id)) return;
    const next = nextId(taken, prefix);
    ids.set(id, next);
    taken = { ...taken, clusters: [...taken.clusters, { id: next } as Cluster] };
  };
  for (const listener of edited.listeners) fresh(listener.id, 'listener');
  for (const route of edited.routes) {
    fresh(route.id, 'route');
    for (const rule of route.rules) fresh(rule.id, 'rule');
  }
  for (const cluster of edited.clusters) fresh(cluster.id, 'cluster');

  const { tests: _none, ...renumbered } = withIds(edited, (id) => ids.get(id) ?? id);
  const stays = (id: string) => paired.has(id) && id in current.layout;
  const newcomers = Object.fromEntries(Object.entries(renumbered.layout).filter(([id]) => !stays(id)));
  const offset = offsetBelow(current, newcomers);
  const layout = Object.fromEntries(
    Object.entries(renumbered.layout).map(([id, at]) => [id, stays(id) ? current.layout[id] : { x: at.x + offset.x, y: at.y + offset.y }]),
  );
  return {
    ...renumbered,
    listeners: renumbered.listeners.map((l) => withSecretOf(current.listeners.find((w) => w.id === l.id), l)),
    name: current.name,
    deployment: { ...current.deployment, admin: edited.deployment.admin },
    layout,
    ...(current.tests && { tests: current.tests }),
  };
}

/** The config names TLS files, not the Kubernetes Secret holding them: that stays while the files do. */
function withSecretOf(was: Listener | undefined, listener: Listener): Listener {
  const same = was?.tls && listener.tls && was.tls.mountPath === listener.tls.mountPath;
  return same ? { ...listener, tls: { ...listener.tls!, secretName: was!.tls!.secretName } } : listener;
}

/** The design with every element and rule id, and every reference to one, mapped by `idOf`. */
function withIds(design: Design, idOf: (id: string) => string): Design {
  const action = (a: RuleAction): RuleAction => {
    if (a.kind === 'cluster') return { ...a, clusterId: a.clusterId && idOf(a.clusterId) };
    if (a.kind === 'weighted') return { ...a, clusters: a.clusters.map((t) => ({ ...t, clusterId: idOf(t.clusterId) })) };
    return a;
  };
  return {
    ...design,
    listeners: design.listeners.map((l) => ({ ...l, id: idOf(l.id), routeIds: l.routeIds.map(idOf), tcpClusterId: l.tcpClusterId && idOf(l.tcpClusterId) })),
    routes: design.routes.map((r) => ({ ...r, id: idOf(r.id), rules: r.rules.map((rule) => ({ ...rule, id: idOf(rule.id), action: action(rule.action) })) })),
    clusters: design.clusters.map((c) => ({ ...c, id: idOf(c.id) })),
    layout: Object.fromEntries(Object.entries(design.layout).map(([id, at]) => [idOf(id), at])),
  };
}
