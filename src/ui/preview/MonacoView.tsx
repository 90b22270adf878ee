// The read-only Monaco view of one generated file. It receives the loaded monacoSetup module as a
// prop and imports Monaco only as types, so it can sit in the main bundle without pulling Monaco in.
import { useLayoutEffect, useRef } from 'react';
import type { FileName } from '../../generate/files';
import type { LineRange } from '../../generate/locate';
import type * as MonacoSetup from './monacoSetup';
import type { LineMarker } from './previewText';
import { minimalEdits } from './textEdits';

/** Above this many lines the read-only preview does not offer folding (its upkeep costs every edit). */
export const FOLDING_MAX_LINES = 5000;

type Model = ReturnType<MonacoSetup.MonacoApi['editor']['createModel']>;

// The text last applied to each (read-only) model, so a keystroke compares the new text with a
// string it already has instead of asking Monaco to assemble 400 KB from its piece tree.
const APPLIED = new WeakMap<Model, { text: string; version: number }>();
function textOf(model: Model): string {
  const applied = APPLIED.get(model);
  return applied && applied.version === model.getVersionId() ? applied.text : model.getValue();
}

type Editor = ReturnType<MonacoSetup.MonacoApi['editor']['create']>;
type Props = { setup: typeof MonacoSetup; file: FileName; text: string; highlight: LineRange | null; dark: boolean; markers: LineMarker[] };

export function MonacoView({ setup, file, text, highlight, dark, markers }: Props) {
  const hostRef = useRef<HTMLDivElement>(null);
  const editorRef = useRef<Editor | null>(null);
  const decorationsRef = useRef<ReturnType<Editor['createDecorationsCollection']> | null>(null);
  // Per-file scroll position and folds, so switching tabs back and forth keeps each file's place.
  const viewStatesRef = useRef(new Map<string, ReturnType<Editor['saveViewState']>>());
  const { monaco } = setup;

  // Layout effects: the editor exists and shows the right file before the browser first paints,
  // so swapping the <pre> for Monaco doesn't flash an empty box.
  useLayoutEffect(() => {
    const editor = monaco.editor.create(hostRef.current!, {
      ...setup.EDITOR_OPTIONS,
      readOnly: true,
      domReadOnly: true,
      model: null,
      // Bracket pairs are recomputed for the viewport on every edit of a long generated file: the
      // costliest part of repainting the read-only preview, and of little use there (the models
      // turn their colouring off too: modelFor).
      bracketPairColorization: { enabled: false },
      guides: { bracketPairs: false, indentation: true },
      matchBrackets: 'never',
    });
    editorRef.current = editor;
    decorationsRef.current = editor.createDecorationsCollection();
    return () => {
      // Models outlive the editor (modelFor), so take the highlight off before letting go.
      decorationsRef.current?.clear();
      editor.dispose();
      editorRef.current = null;
    };
  }, [setup, monaco]);

  useLayoutEffect(() => {
    const editor = editorRef.current!;
    const model = setup.modelFor(file, text);
    // Apply only what changed: a whole-text setValue would reset scroll position and folds.
    const edits = minimalEdits(textOf(model), text);
    if (edits.length > 0) {
      model.applyEdits(edits.map((edit) => ({ range: monaco.Range.fromPositions(model.getPositionAt(edit.start), model.getPositionAt(edit.end)), text: edit.text })));
    }
    APPLIED.set(model, { text, version: model.getVersionId() });
    const outgoing = editor.getModel();
    if (outgoing !== model) {
      // Decorations live in the model: clear them from the outgoing one (re-set below for the new).
      decorationsRef.current?.clear();
      if (outgoing) viewStatesRef.current.set(outgoing.uri.toString(), editor.saveViewState());
      editor.setModel(model);
      const saved = viewStatesRef.current.get(model.uri.toString());
      if (saved) editor.restoreViewState(saved);
    }
    // Folding recomputes every region and re-decorates them all after each edit: ~40 ms per
    // keystroke on a 17,000-line envoy.json, a long task while typing. Off for files that long.
    const folding = model.getLineCount() <= FOLDING_MAX_LINES;
    if (editor.getOption(monaco.editor.EditorOption.folding) !== folding) editor.updateOptions({ folding });
    editor.updateOptions({ ariaLabel: `${file} (read-only)` });
  }, [setup, monaco, file, text]);

  // Before first paint too, so a dark page never flashes a light editor.
  useLayoutEffect(() => {
    setup.setDark(dark);
  }, [setup, dark]);

  const start = highlight?.startLine ?? 0;
  const end = highlight?.endLine ?? 0;
  // Re-set on every text change too: an edit can move a decoration's edges without moving the
  // computed range's line numbers.
  useLayoutEffect(() => {
    const decorations = decorationsRef.current!;
    const lines = editorRef.current!.getModel()?.getLineCount() ?? 0;
    if (!start || start > lines) decorations.clear();
    else decorations.set([{ range: new monaco.Range(start, 1, Math.min(end, lines), 1), options: { isWholeLine: true, className: 'preview-highlight' } }]);
  }, [monaco, file, text, start, end]);

  // Keyed on file and line numbers only: an edit that leaves the range in place doesn't scroll.
  useLayoutEffect(() => {
    const lines = editorRef.current!.getModel()?.getLineCount() ?? 0;
    if (start && start <= lines) editorRef.current!.revealLinesInCenterIfOutsideViewport(start, Math.min(end, lines));
  }, [monaco, file, start, end]);

  // Squiggles on the lines the validator's findings point at.
  useLayoutEffect(() => {
    const model = editorRef.current!.getModel();
    if (!model) return;
    const severity = { error: monaco.MarkerSeverity.Error, warning: monaco.MarkerSeverity.Warning, info: monaco.MarkerSeverity.Info };
    // Markers are located once typing settles (PreviewPanel), so for a moment they may describe the
    // previous text: a line past the end of this one is skipped, never handed to Monaco.
    const lines = model.getLineCount();
    monaco.editor.setModelMarkers(
      model,
      'envoy-route-designer',
      markers.filter((m) => m.line <= lines).map((m) => ({
        severity: severity[m.severity],
        message: m.message,
        startLineNumber: m.line,
        startColumn: model.getLineFirstNonWhitespaceColumn(m.line) || 1,
        endLineNumber: m.line,
        endColumn: model.getLineMaxColumn(m.line),
      })),
    );
  }, [monaco, file, text, markers]);

  return <div ref={hostRef} className="preview-monaco" />;
}
