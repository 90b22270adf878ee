import { useLayoutEffect, useRef } from 'react';
import { getNodesBounds, getViewportForBounds, useReactFlow, useStore as useFlowStore, useStoreApi } from '@xyflow/react';

const FIT_VIEW_OPTIONS = { padding: 0.15, maxZoom: 1 };

type Viewport = { x: number; y: number; zoom: number };
const sameViewport = (a: Viewport, b: Viewport) => a.x === b.x && a.y === b.y && a.zoom === b.zoom;

/**
 * Fits every document (the first, New, open, permalink) in view, and fits again when the canvas
 * changes size (the panels beside it arrive after the first paint, or are collapsed) or nodes come
 * and go, as long as the view is still the one fitted: once the user (or a reveal) has moved it, it
 * stays. The canvas draws only what is in view, so a stale fit would leave nodes out.
 *
 * The fit is computed here rather than by React Flow's fitView, which waits until every node is
 * measured: nodes out of view never are. Unmeasured nodes count with their estimated size
 * (geometry.ts). `documentId` is the canvas's (deferred) document; React Flow stores the nodes in
 * an effect, so a fit asked for before they are there is owed until they arrive. Layout effects:
 * the fitted view is what the browser first paints.
 */
export function FitViewOnLoad({ documentId }: { documentId: number }) {
  const paneWidth = useFlowStore((s) => s.width);
  const paneHeight = useFlowStore((s) => s.height);
  const nodeCount = useFlowStore((s) => s.nodeLookup.size);
  const flow = useReactFlow();
  const flowStore = useStoreApi();
  // The view as last fitted; a resize refits only while the view is still exactly that. `owed`:
  // a fit was asked for before the pane or the nodes were there.
  const fitted = useRef<Viewport | null>(null);
  const owed = useRef(false);
  const untouched = () => fitted.current !== null && sameViewport(fitted.current, flow.getViewport());
  const fit = () => {
    const { width, height, minZoom, maxZoom, nodeLookup } = flowStore.getState();
    owed.current = !width || !height || nodeLookup.size === 0;
    if (owed.current) return;
    const bounds = getNodesBounds([...nodeLookup.keys()], { nodeLookup });
    const viewport = getViewportForBounds(bounds, width, height, minZoom, Math.min(maxZoom, FIT_VIEW_OPTIONS.maxZoom), FIT_VIEW_OPTIONS.padding);
    fitted.current = viewport;
    void flow.setViewport(viewport);
  };

  useLayoutEffect(() => {
    fit();
    // Measured sizes arrive a frame later: fit to them too, unless the view was moved meanwhile.
    const frame = requestAnimationFrame(() => untouched() && fit());
    return () => cancelAnimationFrame(frame);
    // Keyed on the document only: fit and untouched read the current state themselves.
  }, [documentId]);

  useLayoutEffect(() => {
    if (owed.current || untouched()) fit();
  }, [paneWidth, paneHeight, nodeCount]);
  return null;
}
