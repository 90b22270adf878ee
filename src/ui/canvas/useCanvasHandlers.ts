// Canvas events become model operations. React Flow reports changes; we translate the ones that
// matter (position, selection, connection, drop) and ignore the rest: the design is the truth.
import { useCallback, useMemo, type DragEvent } from 'react';
import { useReactFlow, type Connection, type EdgeChange, type IsValidConnection, type NodeChange } from '@xyflow/react';
import { connect, connectionRefusal } from '../../model/connections';
import { setPosition } from '../../model/operations';
import { history, useStore } from '../../store/store';
import { addElementAt, PALETTE_MIME, type PaletteKind } from './palette';
import { readConfigFile } from '../dialogs/readConfigFile';

/** The model source of a connection: a rule's handle id is the rule id. */
function sourceOf(connection: Connection | { source: string; sourceHandle?: string | null }): string {
  return connection.sourceHandle && connection.sourceHandle !== 'out' ? connection.sourceHandle : connection.source;
}

/**
 * A drag is one undo step: the first move is recorded (it saves the position before the drag),
 * the moves after it are not, and tracking resumes when the drag ends.
 */
function trackDrag(dragging: boolean) {
  const { isTracking, pause, resume } = history();
  if (dragging && isTracking) pause();
  if (!dragging && !isTracking) resume();
}

function applySelection(current: string[], changes: { id: string; type: string; selected?: boolean }[]): string[] {
  const next = new Set(current);
  for (const change of changes) {
    if (change.type !== 'select') continue;
    if (change.selected) next.add(change.id);
    else next.delete(change.id);
  }
  return [...next];
}

export function useCanvasHandlers() {
  const flow = useReactFlow();

  const onNodesChange = useCallback((changes: NodeChange[]) => {
    const { edit, select, selection } = useStore.getState();
    for (const change of changes) {
      if (change.type === 'position' && change.position) {
        const position = { x: Math.round(change.position.x), y: Math.round(change.position.y) };
        edit((design) => setPosition(design, change.id, position));
        trackDrag(change.dragging === true);
      }
    }
    if (changes.some((c) => c.type === 'select')) select(applySelection(selection, changes as never));
  }, []);

  const onEdgesChange = useCallback((changes: EdgeChange[]) => {
    const { select, selection } = useStore.getState();
    if (changes.some((c) => c.type === 'select')) select(applySelection(selection, changes as never));
  }, []);

  const isValidConnection: IsValidConnection = useCallback((connection) => {
    const reason = connectionRefusal(useStore.getState().design, sourceOf(connection), connection.target);
    // Shown while the user drags over a target that makes no sense in Envoy.
    useStore.getState().showHint(reason);
    return reason === null;
  }, []);

  const onConnect = useCallback((connection: Connection) => {
    const { design, edit, showHint, select } = useStore.getState();
    const result = connect(design, sourceOf(connection), connection.target);
    if (!result.ok) return showHint(result.reason);
    edit(() => result.design);
    select([sourceOf(connection)]);
  }, []);

  const onConnectEnd = useCallback(() => {
    // Keep a refusal visible for a moment after the drop, then clear it.
    const hint = useStore.getState().hint;
    if (hint) setTimeout(() => useStore.getState().hint === hint && useStore.getState().showHint(null), 3000);
  }, []);

  const onPaneClick = useCallback(() => useStore.getState().select([]), []);

  const onDragOver = useCallback((event: DragEvent) => {
    if (event.dataTransfer.types.includes(PALETTE_MIME) || event.dataTransfer.types.includes('Files')) {
      event.preventDefault();
      event.dataTransfer.dropEffect = 'copy';
    }
  }, []);

  const onDrop = useCallback(
    (event: DragEvent) => {
      const file = event.dataTransfer.files[0];
      if (file) {
        // A dropped Envoy config opens the import dialog with it; nothing changes until confirmed.
        event.preventDefault();
        void readConfigFile(file).then((read) =>
          read.ok
            ? useStore.getState().setImportDraft({ text: read.text, name: file.name.replace(/\.(ya?ml|json)$/i, '') })
            : useStore.getState().setNotice({ kind: 'error', message: `${read.error}; your design is unchanged.` }),
        );
        return;
      }
      const kind = event.dataTransfer.getData(PALETTE_MIME) as PaletteKind;
      if (!kind) return;
      event.preventDefault();
      addElementAt(kind, flow.screenToFlowPosition({ x: event.clientX, y: event.clientY }));
    },
    [flow],
  );

  return useMemo(
    () => ({ onNodesChange, onEdgesChange, isValidConnection, onConnect, onConnectEnd, onPaneClick, onDragOver, onDrop }),
    [onNodesChange, onEdgesChange, isValidConnection, onConnect, onConnectEnd, onPaneClick, onDragOver, onDrop],
  );
}
