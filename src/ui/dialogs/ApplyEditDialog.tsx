import { useEffect, useId, useRef, useState } from 'react';
import type { ImportSummary } from '../../import/context';
import { ImportSummaryView } from './ImportSummaryView';
import './dialogs.css';

type Props = { file: string; summary: ImportSummary; onConfirm: () => void; onBack: () => void };

/**
 * The preview's Edit → Apply: the same summary as the Import dialog, before the design is rebuilt
 * from the edited text. Going back (or Escape) returns to the text, as it was.
 */
export function ApplyEditDialog({ file, summary, onConfirm, onBack }: Props) {
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    if (!dialog.current?.open) dialog.current?.showModal();
  }, []);

  return (
    <dialog ref={dialog} className="dialog dialog-wide" aria-labelledby={titleId} onClose={onBack}>
      <h2 id={titleId}>Apply the edited {file}</h2>
      <p>
        The design is rebuilt from your text. Elements keep their place (one renamed in the text stays the same element); the design’s name,
        Kubernetes settings and saved test cases stay. Undo brings back the design as it was.
      </p>
      <ImportSummaryView summary={summary} />
      <div className="dialog-actions">
        <button type="button" onClick={() => dialog.current?.close()}>
          Back to editing
        </button>
        <button type="button" className="primary" disabled={busy} onClick={() => { setBusy(true); onConfirm(); }}>
          Replace current design
        </button>
      </div>
    </dialog>
  );
}
