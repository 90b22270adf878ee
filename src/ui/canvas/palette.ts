// Adding elements from the palette: by click (at a free spot) or by drag and drop (where dropped).
import { addCluster, addListener, addRoute } from '../../model/operations';
import type { Position } from '../../model/schema';
import { useStore } from '../../store/store';

export type PaletteKind = 'listener' | 'route' | 'cluster';
export const PALETTE_MIME = 'application/x-envoy-route-designer-element';

const ADD = { listener: addListener, route: addRoute, cluster: addCluster } as const;
const COLUMN: Record<PaletteKind, number> = { listener: 0, route: 320, cluster: 640 };

/** Adds an element and selects it, so the inspector opens on it. Returns its id. */
export function addElementAt(kind: PaletteKind, position?: Position): string {
  const { design, edit, select } = useStore.getState();
  const at = position ?? nextFreeSpot(kind);
  const added = ADD[kind](design, { x: Math.round(at.x), y: Math.round(at.y) });
  edit(() => added.design);
  select([added.id]);
  return added.id;
}

/** Below the lowest element of the kind's column, so clicks never stack nodes on each other. */
function nextFreeSpot(kind: PaletteKind): Position {
  const { design } = useStore.getState();
  const ids = { listener: design.listeners, route: design.routes, cluster: design.clusters }[kind].map((e) => e.id);
  const lowest = Math.max(-200, ...ids.map((id) => design.layout[id]?.y ?? -200));
  return { x: COLUMN[kind], y: lowest + 200 };
}
