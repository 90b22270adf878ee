// The live preview of every generated file: tabs, Copy/Download, and the active file's text,
// first as a plain <pre> and then in a read-only Monaco editor once its lazy chunk has loaded.
// The Envoy files also have an Edit mode (usePreviewEdit): the text, edited, rebuilds the design.
import { useEffect, useId, useState } from 'react';
import type { FileName } from '../../generate/files';
import { filesOf } from '../../store/files';
import { useStore } from '../../store/store';
import type * as MonacoSetup from './monacoSetup';
import { ApplyEditDialog } from '../dialogs/ApplyEditDialog';
import { ImportErrors } from '../dialogs/ImportErrors';
import { MonacoEditView } from './MonacoEditView';
import { MonacoView } from './MonacoView';
import { PlainView } from './PlainView';
import { PreviewActions } from './PreviewActions';
import { PreviewEditActions } from './PreviewEditActions';
import { PreviewTabs } from './PreviewTabs';
import { isEnvoyFile } from './previewText';
import { usePreviewLocations } from './usePreviewLocations';
import { useDocumentDark } from './useDocumentDark';
import { useLastPresent, useShownDocument } from '../useShownDocument';
import { usePreviewEdit, type Draft } from './usePreviewEdit';
import './preview.css';

/** Starts loading Monaco after the first render; null until it has arrived (or if it fails). */
function useMonaco(): typeof MonacoSetup | null {
  const [setup, setSetup] = useState<typeof MonacoSetup | null>(null);
  useEffect(() => {
    let live = true;
    import('./monacoSetup').then(
      (module) => live && setSetup(module),
      // The <pre> stays: every feature of the panel works without Monaco.
      (error: unknown) => console.warn('Monaco failed to load; showing plain text.', error),
    );
    return () => {
      live = false;
    };
  }, []);
  return setup;
}

const LOCATE_AFTER_MS = 300;

/**
 * `value`, but only once it has stayed the same for `delayMs`; at once for a new `key` (another
 * file: its lines must never be located in the previous file's text).
 */
function useSettledValue<T>(value: T, delayMs: number, key: string): T {
  const [settled, setSettled] = useState({ key, value });
  useEffect(() => {
    if (settled.key === key && Object.is(value, settled.value)) return;
    const timer = window.setTimeout(() => setSettled({ key, value }), settled.key === key ? delayMs : 0);
    return () => window.clearTimeout(timer);
  }, [value, key, settled, delayMs]);
  return settled.key === key ? settled.value : value;
}

export function PreviewPanel() {
  const activeTab = useStore((s) => s.activeTab);
  const setActiveTab = useStore((s) => s.setActiveTab);
  const shownDocument = useShownDocument();
  // Narrow: re-renders when the active file's text changes, not on every design edit. Null for a
  // document not shown yet (its files are not generated until then).
  const text = useLastPresent(
    useStore((s) => (s.documentId === shownDocument ? filesOf(s.design, s.appUrl)[s.activeTab] : null)),
    '',
  );
  // The design matters only for revealing a sole selection in an Envoy file; otherwise null, so
  // edits that don't change the text don't re-render the panel.
  const selection = useStore((s) => s.selection);
  const design = useStore((s) => (s.documentId === shownDocument && isEnvoyFile(s.activeTab) && s.selection.length === 1 ? s.design : null));
  // Locating lines parses the text (~200 ms at 1,000 rules), in the worker and once typing
  // settles, not on every keystroke, which paints the new text at once; highlight and markers follow.
  const located = useSettledValue(text, LOCATE_AFTER_MS, activeTab);
  const findings = useStore((s) => s.findings);
  const { highlight, markers } = usePreviewLocations(activeTab, located, design, selection, findings);

  const setup = useMonaco();
  const dark = useDocumentDark();
  const baseId = useId();
  const panelId = `${baseId}-panel`;
  const tabId = (file: FileName) => `${baseId}-tab-${file.replace(/\W/g, '-')}`;
  const label = `${activeTab} (read-only)`;
  const { draft, start, change, cancel, back, apply, confirm } = usePreviewEdit();
  const editing = draft?.file === activeTab ? draft : null;

  return (
    <section className="preview" aria-label="Preview of generated files">
      <div className="preview-bar">
        <PreviewTabs active={activeTab} onSelect={setActiveTab} tabId={tabId} panelId={panelId} />
        <PreviewEditActions
          file={activeTab}
          draft={draft}
          onEdit={() => start(activeTab, text)}
          onApply={() => draft && void apply(draft.text)}
          onCancel={cancel}
        />
        <PreviewActions file={activeTab} text={text} />
      </div>
      {editing && <EditNotice draft={editing} />}
      <div
        id={panelId}
        role="tabpanel"
        aria-labelledby={tabId(activeTab)}
        className="preview-body"
        data-file={activeTab}
        data-editor={setup ? 'monaco' : 'plain'}
        data-editing={editing ? 'true' : undefined}
        data-highlight-start={highlight?.startLine}
        data-highlight-end={highlight?.endLine}
        data-problem-lines={markers.map((m) => m.line).join(',') || undefined}
      >
        {editing && setup && <MonacoEditView setup={setup} file={activeTab} text={editing.text} errors={editing.errors} dark={dark} onChange={change} />}
        {editing && !setup && (
          <textarea className="preview-plain preview-textarea" aria-label={`${activeTab} (editing)`} spellCheck={false} autoFocus value={editing.text} onChange={(e) => change(e.target.value)} />
        )}
        {!editing && setup && <MonacoView setup={setup} file={activeTab} text={text} highlight={highlight} dark={dark} markers={markers} />}
        {!editing && !setup && <PlainView text={text} label={label} highlight={highlight} />}
      </div>
      {draft?.pending && <ApplyEditDialog file={draft.file} summary={draft.pending.summary} onBack={back} onConfirm={() => void confirm(draft.pending!)} />}
    </section>
  );
}

/** Above the text in Edit mode: what Apply does, how to leave the editor by keyboard, why Apply failed. */
function EditNotice({ draft }: { draft: Draft }) {
  return (
    <div className="preview-edit-notice">
      <p>
        Editing {draft.file}: <strong>Apply</strong> rebuilds the design from this text, <strong>Cancel</strong> discards it. In the editor, Ctrl+M
        makes Tab move focus.
      </p>
      {draft.errors.length > 0 && <ImportErrors errors={draft.errors} />}
    </div>
  );
}
