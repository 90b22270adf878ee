// Copy, paste and duplicate: a clip is a self-contained snapshot of elements, pasted with fresh
// ids, unique names and free ports so the result is always a loadable design.
import { nextId, uniqueName } from './ids';
import { freePort } from './operations';
import type { Cluster, Design, Listener, Position, Route } from './schema';

export type Clip = { listeners: Listener[]; routes: Route[]; clusters: Cluster[]; layout: Record<string, Position> };

/** Listeners, routes and clusters among `ids`; rule ids copy nothing on their own. */
export function copyElements(design: Design, ids: readonly string[]): Clip {
  const wanted = new Set(ids);
  const pick = <T extends { id: string }>(items: T[]) => items.filter((item) => wanted.has(item.id));
  const listeners = pick(design.listeners);
  const routes = pick(design.routes);
  const clusters = pick(design.clusters);
  const layout = Object.fromEntries(
    [...listeners, ...routes, ...clusters].flatMap((e) => (design.layout[e.id] ? [[e.id, design.layout[e.id]]] : [])),
  );
  return { listeners, routes, clusters, layout };
}

export function isEmptyClip(clip: Clip): boolean {
  return clip.listeners.length + clip.routes.length + clip.clusters.length === 0;
}

/**
 * Adds the clip's elements as new ones. References between pasted elements follow the copies;
 * references to elements outside the clip keep pointing at the originals when they still exist.
 */
export function pasteClip(design: Design, clip: Clip, offset: Position = { x: 40, y: 140 }): { design: Design; ids: string[] } {
  let result = design;
  const idMap = new Map<string, string>();
  const fresh = (oldId: string, prefix: string) => {
    const id = nextId(result, prefix);
    idMap.set(oldId, id);
    return id;
  };
  const place = (oldId: string, newId: string) => {
    const at = clip.layout[oldId];
    if (at) result = { ...result, layout: { ...result.layout, [newId]: { x: at.x + offset.x, y: at.y + offset.y } } };
  };
  for (const cluster of clip.clusters) {
    const id = fresh(cluster.id, 'cluster');
    const name = uniqueName(cluster.name, result.clusters.map((c) => c.name));
    result = { ...result, clusters: [...result.clusters, { ...cluster, id, name }] };
    place(cluster.id, id);
  }
  for (const route of clip.routes) {
    const id = fresh(route.id, 'route');
    // Rules are added one by one so each fresh id sees the previous ones.
    result = { ...result, routes: [...result.routes, { ...route, id, name: uniqueName(route.name, result.routes.map((r) => r.name)), rules: [] }] };
    for (const rule of route.rules) {
      const ruleId = nextId(result, 'rule');
      result = {
        ...result,
        routes: result.routes.map((r) => (r.id === id ? { ...r, rules: [...r.rules, { ...rule, id: ruleId, action: remapAction(rule.action, idMap) }] } : r)),
      };
    }
    place(route.id, id);
  }
  for (const listener of clip.listeners) {
    const id = fresh(listener.id, 'listener');
    const routeIds = listener.routeIds.flatMap((r) => (idMap.has(r) ? [idMap.get(r)!] : result.routes.some((x) => x.id === r) ? [r] : []));
    const tcpClusterId = listener.tcpClusterId ? (idMap.get(listener.tcpClusterId) ?? listener.tcpClusterId) : null;
    const copy = { ...listener, id, name: uniqueName(listener.name, result.listeners.map((l) => l.name)), port: freePort(result), routeIds, tcpClusterId };
    result = { ...result, listeners: [...result.listeners, copy] };
    place(listener.id, id);
  }
  return { design: result, ids: [...idMap.values()] };
}

function remapAction(action: Route['rules'][number]['action'], idMap: Map<string, string>) {
  if (action.kind === 'cluster' && action.clusterId) return { ...action, clusterId: idMap.get(action.clusterId) ?? action.clusterId };
  if (action.kind === 'weighted') {
    return { ...action, clusters: action.clusters.map((c) => ({ ...c, clusterId: idMap.get(c.clusterId) ?? c.clusterId })) };
  }
  return action;
}

export function duplicateElements(design: Design, ids: readonly string[]): { design: Design; ids: string[] } {
  return pasteClip(design, copyElements(design, ids));
}
