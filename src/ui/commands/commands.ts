// User actions as objects, registered once: the toolbar, keyboard shortcuts and tests share them.
import { copyElements, isEmptyClip, pasteClip, duplicateElements } from '../../model/clipboard';
import { disconnect } from '../../model/connections';
import { removeElement } from '../../model/operations';
import type { Design } from '../../model/schema';
import { parseEdgeId } from '../../model/edgeIds';
import { history, useStore } from '../../store/store';
import { autoLayout } from '../../import/layout';
import { addElementAt } from '../canvas/palette';

export type Command = {
  id: string;
  label: string;
  /** Shortcut as shown to the user; `Mod` is Ctrl, or ⌘ on macOS. */
  shortcut?: string;
  keyTest?: (event: KeyboardEvent) => boolean;
  enabled: () => boolean;
  run: () => void;
};

const mod = (event: KeyboardEvent) => event.ctrlKey || event.metaKey;
const hasSelection = () => useStore.getState().selection.length > 0;

/** Removes every selected element and edge: edges first, so their ends still exist. */
export function removeSelection(design: Design, selection: string[]): Design {
  const edges = selection.flatMap((id) => parseEdgeId(id) ?? []);
  let result = edges.reduce((d, e) => disconnect(d, e.sourceId, e.targetId), design);
  for (const id of selection) if (!parseEdgeId(id)) result = removeElement(result, id);
  return result;
}

const mac = () => typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

export const COMMANDS: Command[] = [
  {
    id: 'undo',
    label: 'Undo',
    shortcut: 'Mod+Z',
    keyTest: (e) => mod(e) && !e.shiftKey && e.key.toLowerCase() === 'z',
    enabled: () => history().pastStates.length > 0,
    run: () => history().undo(),
  },
  {
    id: 'redo',
    label: 'Redo',
    shortcut: 'Shift+Mod+Z',
    keyTest: (e) => mod(e) && ((e.shiftKey && e.key.toLowerCase() === 'z') || (!mac() && e.key.toLowerCase() === 'y')),
    enabled: () => history().futureStates.length > 0,
    run: () => history().redo(),
  },
  { id: 'add-listener', label: 'Add listener', enabled: () => true, run: () => addElementAt('listener') },
  { id: 'add-route', label: 'Add route', enabled: () => true, run: () => addElementAt('route') },
  { id: 'add-cluster', label: 'Add cluster', enabled: () => true, run: () => addElementAt('cluster') },
  {
    id: 'delete',
    label: 'Delete selected',
    shortcut: 'Delete',
    keyTest: (e) => e.key === 'Delete' || e.key === 'Backspace',
    enabled: hasSelection,
    run: () => {
      const { edit, select, selection } = useStore.getState();
      edit((design) => removeSelection(design, selection));
      select([]);
    },
  },
  {
    id: 'copy',
    label: 'Copy',
    shortcut: 'Mod+C',
    keyTest: (e) => mod(e) && e.key.toLowerCase() === 'c',
    enabled: hasSelection,
    run: () => {
      const { design, selection, setClipboard } = useStore.getState();
      const clip = copyElements(design, selection);
      if (!isEmptyClip(clip)) setClipboard(clip);
    },
  },
  {
    id: 'paste',
    label: 'Paste',
    shortcut: 'Mod+V',
    keyTest: (e) => mod(e) && e.key.toLowerCase() === 'v',
    enabled: () => useStore.getState().clipboard !== null,
    run: () => {
      const { design, clipboard, edit, select } = useStore.getState();
      if (!clipboard) return;
      const pasted = pasteClip(design, clipboard);
      edit(() => pasted.design);
      select(pasted.ids);
    },
  },
  {
    id: 'duplicate',
    label: 'Duplicate',
    shortcut: 'Mod+D',
    keyTest: (e) => mod(e) && e.key.toLowerCase() === 'd',
    enabled: hasSelection,
    run: () => {
      const { design, selection, edit, select } = useStore.getState();
      const copy = duplicateElements(design, selection);
      if (copy.ids.length === 0) return;
      edit(() => copy.design);
      select(copy.ids);
    },
  },
  {
    id: 'select-all',
    label: 'Select all',
    shortcut: 'Mod+A',
    keyTest: (e) => mod(e) && e.key.toLowerCase() === 'a',
    enabled: () => true,
    run: () => {
      const { design, select } = useStore.getState();
      select([...design.listeners, ...design.routes, ...design.clusters].map((e) => e.id));
    },
  },
  {
    id: 'auto-layout',
    label: 'Auto layout',
    enabled: () => true,
    run: () => {
      const { design, edit } = useStore.getState();
      // Undoable like any edit; a newer edit made while ELK works wins.
      void autoLayout(design).then((placed) => edit((current) => (current === design ? placed : current)));
    },
  },
  {
    id: 'toggle-preview',
    label: 'Show or hide the preview',
    enabled: () => true,
    run: () => useStore.getState().setPreviewCollapsed(!useStore.getState().previewCollapsed),
  },
  {
    id: 'toggle-theme',
    label: 'Switch theme',
    enabled: () => true,
    run: () => {
      const { theme, setTheme } = useStore.getState();
      setTheme(theme === 'system' ? 'dark' : theme === 'dark' ? 'light' : 'system');
    },
  },
];

export function command(id: string): Command {
  const found = COMMANDS.find((c) => c.id === id);
  if (!found) throw new Error(`no command ${id}`);
  return found;
}
