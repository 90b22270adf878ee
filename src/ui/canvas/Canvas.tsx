import { useDeferredValue, useMemo, useRef } from 'react';
import { Background, Controls, MiniMap, ReactFlow, ReactFlowProvider } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { useStore } from '../../store/store';
import { useAfterFirstPaint } from '../useAfterFirstPaint';
import { useResolvedTheme } from '../theme/useResolvedTheme';
import { ConnectionEdge } from './edges/ConnectionEdge';
import { ClusterNode } from './nodes/ClusterNode';
import { ListenerNode } from './nodes/ListenerNode';
import { RouteNode } from './nodes/RouteNode';
import { projectEdges, projectNodes, reuseUnchanged } from './projection';
import { useCanvasHandlers } from './useCanvasHandlers';
import { CanvasHint } from './CanvasHint';
import { useEdgesNearView } from './edgesNearView';
import { FitViewOnLoad } from './FitViewOnLoad';
import { RevealSelection } from './RevealSelection';
import './canvas.css';

// At module scope: a new object per render would remount every node (the types), or make React
// Flow store the prop again and re-run every node's and edge's selector (at 1,000 rules ~10 ms
// per keystroke).
const nodeTypes = { listener: ListenerNode, route: RouteNode, cluster: ClusterNode };
const edgeTypes = { connection: ConnectionEdge };
const SNAP_GRID: [number, number] = [20, 20];
const MULTI_SELECTION_KEYS = ['Shift', 'Meta', 'Control'];
const PRO_OPTIONS = { hideAttribution: true };
const ARIA_LABELS = { 'node.a11yDescription.default': 'Press Enter or Space to select, Delete to remove, arrow keys to move.' };

/** The projection with unchanged items kept from the previous render (see reuseUnchanged). */
function useStable<T extends { id: string }>(items: T[]): T[] {
  const previous = useRef<{ input: T[]; output: T[]; byId: Map<string, T> } | null>(null);
  if (previous.current?.input === items) return previous.current.output;
  const before = previous.current?.output;
  const reused = reuseUnchanged(previous.current?.byId ?? new Map(), items);
  // Nothing changed (e.g. a rename leaves every edge as it was): the same array, so React Flow
  // does no work for this list at all.
  const output = before && before.length === reused.length && reused.every((item, i) => item === before[i]) ? before : reused;
  previous.current = { input: items, output, byId: new Map(output.map((item) => [item.id, item])) };
  return output;
}

function CanvasView() {
  // The elements are deferred: a keystroke in the inspector commits the field and the preview
  // first, and React renders the canvas's share (projection, changed nodes, React Flow's own store,
  // which at 1,000 rules is the larger part) in a background render it can interrupt. Positions are
  // not deferred, so a dragged node follows the pointer in the same frame.
  const listeners = useDeferredValue(useStore((s) => s.design.listeners));
  const routes = useDeferredValue(useStore((s) => s.design.routes));
  const clusters = useDeferredValue(useStore((s) => s.design.clusters));
  const layout = useStore((s) => s.design.layout);
  // Deferred like the elements: fitting a new document waits for its nodes.
  const documentId = useDeferredValue(useStore((s) => s.documentId));
  const selection = useStore((s) => s.selection);
  const theme = useResolvedTheme();
  const handlers = useCanvasHandlers();
  // The minimap draws every node (the canvas only those in view): ~45 ms at 500 nodes that the
  // first paint of the canvas does not wait for.
  const minimapWanted = useAfterFirstPaint();

  const selected = useMemo(() => new Set(selection), [selection]);
  const nodes = useStable(useMemo(() => projectNodes({ listeners, routes, clusters, layout }, selected), [listeners, routes, clusters, layout, selected]));
  const edges = useEdgesNearView(useStable(useMemo(() => projectEdges({ listeners, routes, clusters }, selected), [listeners, routes, clusters, selected])));

  return (
    <div className="canvas" onDrop={handlers.onDrop} onDragOver={handlers.onDragOver} data-testid="canvas">
      <ReactFlow
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        edgeTypes={edgeTypes}
        colorMode={theme}
        onNodesChange={handlers.onNodesChange}
        onEdgesChange={handlers.onEdgesChange}
        onConnect={handlers.onConnect}
        onConnectEnd={handlers.onConnectEnd}
        isValidConnection={handlers.isValidConnection}
        onPaneClick={handlers.onPaneClick}
        // Deleting goes through our own shortcut so rules, nodes and edges share one path.
        deleteKeyCode={null}
        multiSelectionKeyCode={MULTI_SELECTION_KEYS}
        snapToGrid
        snapGrid={SNAP_GRID}
        // No fitView prop: FitViewOnLoad fits (React Flow's fit waits for every node to be
        // measured, and with only the nodes in view drawn, some never are).
        minZoom={0.1}
        // Only the nodes and edges in view are in the DOM: layout, paint and the first render then
        // cost what the view shows, not what the design holds (projection.ts gives each node its
        // size and handles for the edges to nodes out of view; edgesNearView.ts leaves out edges
        // whose nodes are both far from the view).
        onlyRenderVisibleElements
        proOptions={PRO_OPTIONS}
        ariaLabelConfig={ARIA_LABELS}
      >
        <Background gap={20} />
        <Controls aria-label="Zoom controls" />
        {minimapWanted && <MiniMap pannable zoomable ariaLabel="Minimap" />}
        <FitViewOnLoad documentId={documentId} />
        <RevealSelection />
      </ReactFlow>
      <CanvasHint />
    </div>
  );
}

export function Canvas() {
  return (
    <ReactFlowProvider>
      <CanvasView />
    </ReactFlowProvider>
  );
}
