import type { DragEvent } from 'react';
import { useStore } from '../../store/store';
import { PALETTE_MIME, type PaletteKind } from '../canvas/palette';
import { command } from '../commands/commands';
import { CommandButton } from './CommandButton';
import { DocumentButtons } from './DocumentButtons';
import { useHistoryDepth } from './useHistoryDepth';
import './toolbar.css';

const PALETTE: { kind: PaletteKind; command: string }[] = [
  { kind: 'listener', command: 'add-listener' },
  { kind: 'route', command: 'add-route' },
  { kind: 'cluster', command: 'add-cluster' },
];

function startPaletteDrag(event: DragEvent, kind: PaletteKind) {
  event.dataTransfer.setData(PALETTE_MIME, kind);
  event.dataTransfer.effectAllowed = 'copy';
}

export function Toolbar() {
  const theme = useStore((s) => s.theme);
  const previewCollapsed = useStore((s) => s.previewCollapsed);
  // Re-render when a command's enablement may have changed.
  useStore((s) => s.selection.length > 0);
  useStore((s) => s.clipboard !== null);
  useHistoryDepth();
  return (
    <header className="toolbar" role="toolbar" aria-label="Designer">
      <h1 className="app-title">Envoy Route Designer</h1>
      <DocumentButtons />
      <div className="toolbar-group" role="group" aria-label="History">
        <CommandButton id="undo" />
        <CommandButton id="redo" />
      </div>
      <div className="toolbar-group" aria-label="Add elements (click, or drag onto the canvas)" role="group">
        {PALETTE.map(({ kind, command: id }) => (
          <button key={kind} type="button" className={`palette-item palette-${kind}`} draggable onDragStart={(e) => startPaletteDrag(e, kind)} onClick={() => command(id).run()}>
            + {kind[0].toUpperCase() + kind.slice(1)}
          </button>
        ))}
      </div>
      <div className="toolbar-group" role="group" aria-label="Edit">
        <CommandButton id="duplicate" />
        <CommandButton id="copy" />
        <CommandButton id="paste" />
        <CommandButton id="delete" label="Delete" />
        <CommandButton id="auto-layout" />
      </div>
      <div className="toolbar-spacer" />
      <div className="toolbar-group" role="group" aria-label="View">
        <button type="button" onClick={() => command('toggle-preview').run()} aria-pressed={!previewCollapsed}>
          Preview
        </button>
        <button type="button" onClick={() => command('toggle-theme').run()} aria-label={`Theme: ${theme} (switch)`}>
          {theme === 'system' ? '◐ System' : theme === 'dark' ? '☾ Dark' : '☀ Light'}
        </button>
      </div>
    </header>
  );
}
