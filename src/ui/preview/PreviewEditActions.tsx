// Edit, then Apply or Cancel, for the Envoy files (envoy.json, envoy.yaml). Keyboard reachable,
// each button named with its file; leaving Edit mode puts focus back on Edit.
import { useEffect, useRef } from 'react';
import type { FileName } from '../../generate/files';
import { isEnvoyFile } from './previewText';
import type { Draft } from './usePreviewEdit';

type Props = { file: FileName; draft: Draft | null; onEdit: () => void; onApply: () => void; onCancel: () => void };

export function PreviewEditActions({ file, draft, onEdit, onApply, onCancel }: Props) {
  const editButton = useRef<HTMLButtonElement>(null);
  const wasEditing = useRef(false);
  useEffect(() => {
    if (wasEditing.current && !draft) editButton.current?.focus();
    wasEditing.current = draft !== null;
  }, [draft]);

  if (!isEnvoyFile(file)) return null;
  if (draft?.file !== file) {
    // One draft at a time: the other Envoy file's edit is applied or cancelled first.
    const elsewhere = draft ? `Apply or cancel the edit of ${draft.file} first` : undefined;
    return (
      <div className="preview-edit-actions">
        <button ref={editButton} type="button" aria-label={`Edit ${file}`} disabled={!!draft} title={elsewhere} onClick={onEdit}>
          Edit
        </button>
      </div>
    );
  }
  return (
    <div className="preview-edit-actions">
      <button type="button" className="primary" aria-label={`Apply edited ${file}`} disabled={draft.busy} onClick={onApply}>
        {draft.busy ? 'Applying…' : 'Apply'}
      </button>
      <button type="button" aria-label={`Cancel editing ${file}`} onClick={onCancel}>
        Cancel
      </button>
    </div>
  );
}
