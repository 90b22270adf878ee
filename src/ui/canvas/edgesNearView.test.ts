import { describe, expect, it } from 'vitest';
import { NEAR_VIEW, nodeIdsNearView } from './edgesNearView';

type Box = { x: number; y: number; width: number; height: number; measured?: boolean };
/** React Flow's state as nodeIdsNearView reads it: a 1000×500 pane at `transform`. */
function state(nodes: Record<string, Box>, transform: [number, number, number] = [0, 0, 1], size = { width: 1000, height: 500 }) {
  const nodeLookup = new Map(
    Object.entries(nodes).map(([id, box]) => [
      id,
      { internals: { positionAbsolute: { x: box.x, y: box.y } }, measured: box.measured ? { width: box.width, height: box.height } : {}, width: box.measured ? undefined : box.width, height: box.measured ? undefined : box.height },
    ]),
  );
  return { ...size, transform, nodeLookup } as unknown as Parameters<typeof nodeIdsNearView>[0];
}
const ids = (text: string | null) => (text === null ? null : text.split('\n').filter(Boolean).sort());

describe('nodeIdsNearView', () => {
  it('is null before the pane has a size', () => {
    expect(nodeIdsNearView(state({ a: { x: 0, y: 0, width: 10, height: 10 } }, [0, 0, 1], { width: 0, height: 0 }))).toBeNull();
  });

  it('gives the nodes in view and within half a view around it, measured or sized by the projection', () => {
    const nodes = {
      inView: { x: 100, y: 100, width: 200, height: 100, measured: true },
      nearRight: { x: 1000 + NEAR_VIEW * 1000 - 10, y: 0, width: 50, height: 50 },
      farRight: { x: 1000 + NEAR_VIEW * 1000 + 10, y: 0, width: 50, height: 50 },
      overlapsNearTop: { x: 0, y: -NEAR_VIEW * 500 - 100, width: 50, height: 150 },
      farAbove: { x: 0, y: -NEAR_VIEW * 500 - 200, width: 50, height: 150 },
    };
    expect(ids(nodeIdsNearView(state(nodes)))).toEqual(['inView', 'nearRight', 'overlapsNearTop']);
  });

  it('follows the view: panned and zoomed out, far nodes come near', () => {
    const nodes = { home: { x: 0, y: 0, width: 100, height: 100 }, away: { x: 5000, y: 0, width: 100, height: 100 } };
    // Panned so that x = 5000 is at the left edge of the pane.
    expect(ids(nodeIdsNearView(state(nodes, [-5000, 0, 1])))).toEqual(['away']);
    // At zoom 0.1 the view is 10,000 flow units wide: both are in it.
    expect(ids(nodeIdsNearView(state(nodes, [0, 0, 0.1])))).toEqual(['away', 'home']);
  });
});
