import { useEffect, useRef, useState } from 'react';
import type { ImportResult } from '../../import/importEnvoy';
import { mergeDesigns } from '../../model/merge';
import { useStore } from '../../store/store';
import { importInWorker } from '../validation/workerClient';
import { mergeImported, replaceWithImported } from './applyImported';
import { ImportErrors } from './ImportErrors';
import { ImportSummaryView } from './ImportSummaryView';
import { readConfigFile } from './readConfigFile';

/**
 * "Import Envoy config": paste, open or drop a bootstrap; see what becomes nodes, what is kept as
 * is and what cannot be imported; then replace the design or merge into it. Nothing changes until
 * the user says so.
 */
export function ImportDialog() {
  const draft = useStore((s) => s.importDraft);
  const dialog = useRef<HTMLDialogElement>(null);
  const [text, setText] = useState('');
  const [result, setResult] = useState<ImportResult | null>(null);
  const [mergeNotes, setMergeNotes] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (!draft) return dialog.current?.close();
    setText(draft.text);
    setResult(null);
    if (!dialog.current?.open) dialog.current?.showModal();
  }, [draft]);

  const close = () => useStore.getState().setImportDraft(null);
  const run = async () => {
    setBusy(true);
    const imported = await importInWorker(text, draft?.name || 'Imported Envoy config');
    // What a merge would adjust, against the design as it is now (the dialog is modal).
    setMergeNotes(imported.ok ? mergeDesigns(useStore.getState().design, imported.design).notes : []);
    setResult(imported);
    setBusy(false);
  };
  const loadFile = async (file: File | undefined) => {
    if (!file) return;
    const read = await readConfigFile(file);
    if (read.ok) useStore.getState().setImportDraft({ text: read.text, name: file.name.replace(/\.(ya?ml|json)$/i, '') });
    else setResult({ ok: false, errors: [read.error] });
  };

  return (
    <dialog ref={dialog} className="dialog dialog-wide" aria-labelledby="import-title" onClose={close}>
      <h2 id="import-title">Import Envoy config</h2>
      <p>An Envoy v3 bootstrap in YAML or JSON. What the designer does not model is kept as is.</p>
      <label htmlFor="import-text">Envoy config (YAML or JSON)</label>
      <textarea id="import-text" className="import-text" value={text} spellCheck={false} onChange={(e) => { setText(e.target.value); setResult(null); }} />
      <div className="dialog-actions dialog-actions-start">
        <label className="file-button">
          Choose file…
          <input type="file" accept=".yaml,.yml,.json" className="visually-hidden" onChange={(e) => void loadFile(e.target.files?.[0])} />
        </label>
        <button type="button" className="primary" disabled={busy || text.trim() === ''} onClick={() => void run()}>
          {busy ? 'Importing…' : 'Import'}
        </button>
      </div>
      {result && !result.ok && <ImportErrors errors={result.errors} />}
      {result?.ok && <ImportSummaryView summary={result.summary} mergeNotes={mergeNotes} />}
      <div className="dialog-actions">
        <button type="button" onClick={close}>Cancel</button>
        <button type="button" disabled={!result?.ok} onClick={() => result?.ok && void mergeImported(result.design).then(close)}>
          Merge into current design
        </button>
        <button type="button" className="primary" disabled={!result?.ok} onClick={() => result?.ok && void replaceWithImported(result.design).then(close)}>
          Replace current design
        </button>
      </div>
    </dialog>
  );
}
