// The canvas is a projection of the design: React Flow nodes and edges derived from it, plus the
// positions in design.layout. Nothing here is stored; moving a node writes back only its position.
import type { Edge, Node } from '@xyflow/react';
import { ruleTargets } from '../../model/connections';
import type { Design, Position } from '../../model/schema';
import { edgeId } from '../../model/edgeIds';

export type ElementNodeType = 'listener' | 'route' | 'cluster';
export type ElementNode = Node<Record<string, never>, ElementNodeType>;

const FALLBACK_COLUMN: Record<ElementNodeType, number> = { listener: 0, route: 320, cluster: 640 };

function positionOf(design: Pick<Design, 'layout'>, id: string, type: ElementNodeType, row: number): Position {
  return design.layout[id] ?? { x: FALLBACK_COLUMN[type], y: row * 200 };
}

export function projectNodes(design: Pick<Design, 'listeners' | 'routes' | 'clusters' | 'layout'>, selection: ReadonlySet<string>): ElementNode[] {
  const node = (id: string, type: ElementNodeType, row: number, label: string): ElementNode => ({
    id,
    type,
    position: positionOf(design, id, type, row),
    data: {},
    selected: selection.has(id),
    ariaLabel: label,
  });
  return [
    ...design.listeners.map((l, i) => node(l.id, 'listener', i, `Listener ${l.name}`)),
    ...design.routes.map((r, i) => node(r.id, 'route', i, `Route ${r.name}`)),
    ...design.clusters.map((c, i) => node(c.id, 'cluster', i, `Cluster ${c.name}`)),
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
