// Canvas positions for a design: listeners → routes → clusters, left to right.
//
// `autoLayout` runs ELK's layered algorithm (elkjs, loaded on first use so the app's first paint
// does not carry it) and works for any design: the toolbar can offer it. `columnLayout` is the
// synchronous fallback the importer returns: three columns, rows ordered to follow connections.
// Both are deterministic: the same design gives the same positions.
import type { ElkNode } from 'elkjs/lib/elk-api';
import { ruleTargets } from '../model/connections';
import type { Design } from '../model/schema';

const COLUMN_X = { listener: 0, route: 320, cluster: 640 } as const;
const GAP = 40;

/** Rough canvas sizes of the nodes (see src/ui/canvas): wide enough, rules make routes taller. */
function nodeSizes(design: Design): (id: string) => { width: number; height: number } {
  const rules = new Map(design.routes.map((r) => [r.id, r.rules.length]));
  return (id) => {
    const count = rules.get(id);
    return count === undefined ? { width: 240, height: 96 } : { width: 260, height: 84 + 30 * count };
  };
}

type Edge = { from: string; to: string };

function edgesOf(design: Design): Edge[] {
  const routes = new Set(design.routes.map((r) => r.id));
  const clusters = new Set(design.clusters.map((c) => c.id));
  const edges: Edge[] = [];
  const seen = new Set<string>();
  const add = (from: string, to: string) => {
    const key = `${from}\n${to}`;
    if (!seen.has(key)) {
      seen.add(key);
      edges.push({ from, to });
    }
  };
  for (const listener of design.listeners) {
    for (const routeId of listener.routeIds) if (routes.has(routeId)) add(listener.id, routeId);
    if (listener.protocol === 'tcp' && listener.tcpClusterId && clusters.has(listener.tcpClusterId)) add(listener.id, listener.tcpClusterId);
  }
  for (const route of design.routes) {
    for (const rule of route.rules) for (const clusterId of ruleTargets(rule)) if (clusters.has(clusterId)) add(route.id, clusterId);
  }
  return edges;
}

/**
 * Three columns; routes and clusters ordered by the mean row of what points at them (so edges
 * cross less), unconnected ones after, in document order. Synchronous: what the importer returns.
 */
export function columnLayout(design: Design): Design['layout'] {
  const layout: Design['layout'] = {};
  const centre = new Map<string, number>();
  const nodeSize = nodeSizes(design);
  const place = (ids: string[], x: number) => {
    let y = 0;
    for (const id of ids) {
      const { height } = nodeSize(id);
      layout[id] = { x, y };
      centre.set(id, y + height / 2);
      y += height + GAP;
    }
  };
  const sourcesOf = new Map<string, string[]>();
  for (const edge of edgesOf(design)) sourcesOf.set(edge.to, [...(sourcesOf.get(edge.to) ?? []), edge.from]);
  const ordered = (ids: string[]) => {
    const rank = (id: string) => {
      const sources = (sourcesOf.get(id) ?? []).filter((from) => centre.has(from)).map((from) => centre.get(from)!);
      return sources.length > 0 ? sources.reduce((a, b) => a + b, 0) / sources.length : Number.POSITIVE_INFINITY;
    };
    // A stable sort: equal ranks (and the unconnected) keep document order.
    return ids.map((id, index) => ({ id, index, rank: rank(id) })).sort((a, b) => a.rank - b.rank || a.index - b.index).map((e) => e.id);
  };
  place(design.listeners.map((l) => l.id), COLUMN_X.listener);
  place(ordered(design.routes.map((r) => r.id)), COLUMN_X.route);
  place(ordered(design.clusters.map((c) => c.id)), COLUMN_X.cluster);
  return layout;
}

/**
 * Above this many connections ELK's layered layout takes seconds to minutes (it grows faster than
 * the graph: ~1 s at 1,000 edges, ~25 s at 2,000 on the benchmark machine) and it runs on the
 * page's thread, so bigger designs get the column layout instead.
 */
export const ELK_MAX_EDGES = 1_500;

/**
 * The design with every element placed by ELK's layered layout (direction RIGHT); for a design
 * with more than ELK_MAX_EDGES connections, by columnLayout.
 */
export async function autoLayout(design: Design): Promise<Design> {
  const edges = edgesOf(design);
  if (edges.length > ELK_MAX_EDGES) return withLayout(design, columnLayout(design));
  const { default: ELK } = await import('elkjs/lib/elk.bundled.js');
  const elk = new ELK();
  const nodeSize = nodeSizes(design);
  // Listeners, routes, clusters: partitions 0, 1, 2.
  const nodes = [design.listeners, design.routes, design.clusters].flatMap((items, partition) => items.map((e) => ({ id: e.id, partition })));
  const graph: ElkNode = {
    id: 'design',
    layoutOptions: {
      'elk.algorithm': 'layered',
      'elk.direction': 'RIGHT',
      // Listeners, routes and clusters each in their own column, in that order.
      'elk.partitioning.activate': 'true',
      'elk.spacing.nodeNode': String(GAP),
      'elk.layered.spacing.nodeNodeBetweenLayers': '80',
      'elk.randomSeed': '1',
      // Speed over polish (#8: import + layout of 1,000 rules within 1 s; these defaults took ~8×
      // longer): the canvas draws its own edges, so ELK's cheapest routing; one crossing-
      // minimisation pass, free to reorder a column (keeping the document's order,
      // considerModelOrder, cost 3× the rest); simple node placement. The partitions keep
      // listeners → routes → clusters.
      'elk.edgeRouting': 'POLYLINE',
      'elk.layered.thoroughness': '1',
      'elk.layered.nodePlacement.strategy': 'SIMPLE',
    },
    children: nodes.map(({ id, partition }) => ({ id, ...nodeSize(id), layoutOptions: { 'elk.partitioning.partition': String(partition) } })),
    edges: edges.map((edge, i) => ({ id: `e${i}`, sources: [edge.from], targets: [edge.to] })),
  };
  const result = await elk.layout(graph);
  const layout: Design['layout'] = {};
  for (const node of result.children ?? []) layout[node.id] = { x: Math.round(node.x ?? 0), y: Math.round(node.y ?? 0) };
  return withLayout(design, layout);
}

function withLayout(design: Design, placed: Design['layout']): Design {
  const layout = { ...placed };
  // Keys that are no element's (kept by the permalink codec) stay as they were.
  for (const [key, position] of Object.entries(design.layout)) if (!(key in layout)) layout[key] = position;
  return { ...design, layout };
}
