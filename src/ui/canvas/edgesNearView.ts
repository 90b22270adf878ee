// Which edges the canvas draws: those with a node in view or near it. React Flow draws every edge
// whose bounding box crosses the view, and on a big design seen whole (zoom 0.1) that is most of
// them: at 2,300 rules, 1,250 edges (4,000 SVG elements) for the 40 nodes in view, which made the
// page's first render ~300 ms longer and every frame while typing ~8 ms longer. An edge between two
// nodes both far out of view is left out, as those nodes are; it is drawn again as one of them
// comes near.
import { useMemo } from 'react';
import { useStore as useFlowStore, type Edge, type ReactFlowState } from '@xyflow/react';

/** How far around the view a node still counts as near, in view widths and heights on each side. */
export const NEAR_VIEW = 0.5;

const NO_EDGES: Edge[] = [];

/** `edges` less those whose nodes are both out of view and not near it (the same array when none is). */
export function useEdgesNearView<E extends Edge>(edges: E[]): E[] {
  const near = useFlowStore(nodeIdsNearView);
  return useMemo(() => {
    // React Flow draws no edge before the pane has a size either; storing them all first costs as much.
    if (near === null) return NO_EDGES as E[];
    const ids = new Set(near.split('\n'));
    const kept = edges.filter((edge) => ids.has(edge.source) || ids.has(edge.target));
    return kept.length === edges.length ? edges : kept;
  }, [edges, near]);
}

/**
 * The ids of the nodes in view or near it, one per line: a string, so the canvas renders again only
 * when the set changes, not on every frame of a pan. Null before the pane has a size.
 */
export function nodeIdsNearView(state: Pick<ReactFlowState, 'width' | 'height' | 'transform' | 'nodeLookup'>): string | null {
  const { width, height, transform, nodeLookup } = state;
  if (!width || !height) return null;
  const [x, y, zoom] = transform;
  const viewWidth = width / zoom;
  const viewHeight = height / zoom;
  const left = -x / zoom - NEAR_VIEW * viewWidth;
  const top = -y / zoom - NEAR_VIEW * viewHeight;
  const right = left + (1 + 2 * NEAR_VIEW) * viewWidth;
  const bottom = top + (1 + 2 * NEAR_VIEW) * viewHeight;
  let ids = '';
  for (const [id, node] of nodeLookup) {
    const { x: nodeX, y: nodeY } = node.internals.positionAbsolute;
    // As React Flow sizes a node: measured, else the size the projection gave it.
    const nodeWidth = node.measured.width ?? node.width ?? 0;
    const nodeHeight = node.measured.height ?? node.height ?? 0;
    if (nodeX < right && nodeX + nodeWidth > left && nodeY < bottom && nodeY + nodeHeight > top) ids += `${id}\n`;
  }
  return ids;
}
