// The canvas is a projection of the design: React Flow nodes and edges derived from it, plus the
// positions in design.layout. Nothing here is stored; moving a node writes back only its position.
import type { Edge, Node } from '@xyflow/react';
import { ruleTargets } from '../../model/connections';
import type { Cluster, Design, Listener, Position, Route } from '../../model/schema';
import { edgeId } from '../../model/edgeIds';
import { geometryOf } from './geometry';

export type ElementNodeType = 'listener' | 'route' | 'cluster';
/**
 * A canvas node. `data` holds the element object itself, which node components draw, so a node's
 * object changes exactly when its element does (React Flow re-measures a node, e.g. the handles of
 * a new rule, when its object changes), and not on other edits.
 */
export type ElementNode = Node<{ element: Listener | Route | Cluster }, ElementNodeType>;

const FALLBACK_COLUMN: Record<ElementNodeType, number> = { listener: 0, route: 320, cluster: 640 };

function positionOf(design: Pick<Design, 'layout'>, id: string, type: ElementNodeType, row: number): Position {
  return design.layout[id] ?? { x: FALLBACK_COLUMN[type], y: row * 200 };
}

// One data object per element object, so equal elements give equal (identical) node data.
const DATA = new WeakMap<Listener | Route | Cluster, ElementNode['data']>();
function dataOf(element: Listener | Route | Cluster): ElementNode['data'] {
  let data = DATA.get(element);
  if (!data) DATA.set(element, (data = { element }));
  return data;
}

export function projectNodes(design: Pick<Design, 'listeners' | 'routes' | 'clusters' | 'layout'>, selection: ReadonlySet<string>): ElementNode[] {
  const node = (element: Listener | Route | Cluster, type: ElementNodeType, row: number, label: string): ElementNode => ({
    id: element.id,
    type,
    position: positionOf(design, element.id, type, row),
    data: dataOf(element),
    selected: selection.has(element.id),
    ariaLabel: label,
    ...geometryOf(element, type),
  });
  return [
    ...design.listeners.map((l, i) => node(l, 'listener', i, `Listener ${l.name}`)),
    ...design.routes.map((r, i) => node(r, 'route', i, `Route ${r.name}`)),
    ...design.clusters.map((c, i) => node(c, 'cluster', i, `Cluster ${c.name}`)),
  ];
}

export function projectEdges(design: Pick<Design, 'listeners' | 'routes' | 'clusters'>, selection: ReadonlySet<string>): Edge[] {
  const clusterIds = new Set(design.clusters.map((c) => c.id));
  const routeIds = new Set(design.routes.map((r) => r.id));
  const edges: Edge[] = [];
  const add = (edge: Omit<Edge, 'id' | 'selected'> & { from: string }) => {
    const id = edgeId(edge.from, edge.target);
    const { from: _from, ...rest } = edge;
    edges.push({ ...rest, id, type: 'connection', selected: selection.has(id) });
  };
  for (const listener of design.listeners) {
    if (listener.protocol === 'http') {
      listener.routeIds.forEach((routeId, order) => {
        if (routeIds.has(routeId)) {
          add({ from: listener.id, source: listener.id, sourceHandle: 'out', target: routeId, targetHandle: 'in', ariaLabel: `Listener serves route, position ${order + 1}` });
        }
      });
    } else if (listener.tcpClusterId && clusterIds.has(listener.tcpClusterId)) {
      add({ from: listener.id, source: listener.id, sourceHandle: 'out', target: listener.tcpClusterId, targetHandle: 'in', ariaLabel: 'TCP listener proxies to cluster' });
    }
  }
  for (const route of design.routes) {
    for (const rule of route.rules) {
      const weights = rule.action.kind === 'weighted' ? rule.action.clusters : null;
      const total = weights?.reduce((sum, c) => sum + c.weight, 0) ?? 0;
      for (const clusterId of ruleTargets(rule)) {
        // A rule pointing at a removed cluster has no edge; the rule row shows the dangling marker.
        if (!clusterIds.has(clusterId)) continue;
        const weight = weights?.find((c) => c.clusterId === clusterId)?.weight;
        const label = weight === undefined ? undefined : `${weight}${total > 0 ? ` (${Math.round((weight / total) * 100)}%)` : ''}`;
        add({
          from: rule.id,
          source: route.id,
          sourceHandle: rule.id,
          target: clusterId,
          targetHandle: 'in',
          label,
          className: weights ? 'edge-weighted' : undefined,
          ariaLabel: label ? `Rule forwards to cluster with weight ${label}` : 'Rule forwards to cluster',
        });
      }
    }
  }
  return edges;
}

/**
 * Keeps the previous projection's object for every node or edge whose fields are all unchanged, so
 * React Flow re-renders only what an edit touched (on a 1,000-rule design, one keystroke otherwise
 * re-renders every node and edge). Shallow: positions compare by x and y.
 */
export function reuseUnchanged<T extends { id: string }>(previous: ReadonlyMap<string, T>, next: T[]): T[] {
  return next.map((item) => {
    const before = previous.get(item.id);
    return before && shallowEqual(before, item) ? before : item;
  });
}

function shallowEqual(a: object, b: object): boolean {
  const left = a as Record<string, unknown>;
  const right = b as Record<string, unknown>;
  const keys = Object.keys(left);
  if (keys.length !== Object.keys(right).length) return false;
  return keys.every((key) => left[key] === right[key] || (key === 'position' && samePosition(left[key], right[key])));
}

function samePosition(a: unknown, b: unknown): boolean {
  const p = a as Position | undefined;
  const q = b as Position | undefined;
  return !!p && !!q && p.x === q.x && p.y === q.y;
}
