// Where a node's handles are before React Flow has measured it, as canvas.css draws the nodes
// (measured in Chromium). The canvas draws only the nodes in view (onlyRenderVisibleElements), so
// a node off screen is never measured; an edge from a node in view to it still needs an end point,
// and this is it. The estimate only ever places the end that is out of sight: a node in view is
// measured, and React Flow then uses what it measured.
import type { NodeHandle } from '@xyflow/react';
import { Position } from '@xyflow/react';
import { forwardsToClusters } from '../../model/connections';
import type { Cluster, Listener, Route } from '../../model/schema';
import type { ElementNodeType } from './projection';

const HANDLE = 10;
/** A rule row (24 px) and the gap below it. */
const RULE_PITCH = 28;
const FIRST_RULE_HANDLE_TOP = 68;

export type NodeGeometry = { initialWidth: number; initialHeight: number; handles: NodeHandle[] };

const handle = (id: string, type: 'source' | 'target', x: number, y: number): NodeHandle => ({
  id,
  type,
  position: type === 'source' ? Position.Right : Position.Left,
  x,
  y,
  width: HANDLE,
  height: HANDLE,
});

function routeGeometry(route: Route): NodeGeometry {
  const width = 240;
  const height = route.rules.length === 0 ? 84 : 66 + RULE_PITCH * route.rules.length;
  const rules = route.rules.flatMap((rule, index) =>
    // The rules RuleRow gives a handle.
    forwardsToClusters(rule) ? [handle(rule.id, 'source', width - 5, FIRST_RULE_HANDLE_TOP + RULE_PITCH * index)] : [],
  );
  return { initialWidth: width, initialHeight: height, handles: [handle('in', 'target', -4, height / 2 - HANDLE / 2), ...rules] };
}

// One geometry per element object: projected nodes keep equal fields, so unchanged nodes are reused.
const GEOMETRY = new WeakMap<Listener | Route | Cluster, NodeGeometry>();

export function geometryOf(element: Listener | Route | Cluster, type: ElementNodeType): NodeGeometry {
  let geometry = GEOMETRY.get(element);
  if (!geometry) {
    if (type === 'route') geometry = routeGeometry(element as Route);
    else if (type === 'listener') geometry = { initialWidth: 200, initialHeight: 64, handles: [handle('out', 'source', 194, 27)] };
    else geometry = { initialWidth: 200, initialHeight: 78, handles: [handle('in', 'target', -4, 34)] };
    GEOMETRY.set(element, geometry);
  }
  return geometry;
}
