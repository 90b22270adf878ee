import { useEffect } from 'react';
import { useReactFlow, useStoreApi } from '@xyflow/react';
import { findElement } from '../../model/operations';
import { useStore } from '../../store/store';

/**
 * Pans (never zooms) to a sole selected element that is entirely out of sight: a node just
 * added from the toolbar, or one chosen in the outline, a problem or the inspector.
 */
export function RevealSelection() {
  const sole = useStore((s) => (s.selection.length === 1 ? s.selection[0] : null));
  const flow = useReactFlow();
  const flowStore = useStoreApi();
  useEffect(() => {
    if (!sole) return;
    const frame = requestAnimationFrame(() => {
      const found = findElement(useStore.getState().design, sole);
      const nodeId = found?.kind === 'rule' ? found.route.id : found ? sole : null;
      const node = nodeId ? flow.getInternalNode(nodeId) : undefined;
      if (!node) return;
      const { width: paneWidth, height: paneHeight } = flowStore.getState();
      const [x, y, zoom] = flowStore.getState().transform;
      const width = node.measured.width ?? 200;
      const height = node.measured.height ?? 80;
      const left = node.internals.positionAbsolute.x * zoom + x;
      const top = node.internals.positionAbsolute.y * zoom + y;
      // Only a node entirely out of sight: a partly visible one may be under the user's pointer.
      const outOfSight = left + width * zoom < 0 || top + height * zoom < 0 || left > paneWidth || top > paneHeight;
      if (outOfSight) {
        void flow.setCenter(node.internals.positionAbsolute.x + width / 2, node.internals.positionAbsolute.y + height / 2, { zoom, duration: 150 });
      }
    });
    return () => cancelAnimationFrame(frame);
  }, [sole, flow, flowStore]);
  return null;
}
