// The Edit mode's Monaco editor: writable, on its own model (editModelFor), so the live preview
// never touches the user's text. Import errors that name a line and column are marked there.
import { useLayoutEffect, useRef } from 'react';
import type { FileName } from '../../generate/files';
import type * as MonacoSetup from './monacoSetup';

type Editor = ReturnType<MonacoSetup.MonacoApi['editor']['create']>;
type Props = { setup: typeof MonacoSetup; file: FileName; text: string; errors: string[]; dark: boolean; onChange: (text: string) => void };

const AT = /\(line (\d+), column (\d+)\)/;

export function MonacoEditView({ setup, file, text, errors, dark, onChange }: Props) {
  const hostRef = useRef<HTMLDivElement>(null);
  const editorRef = useRef<Editor | null>(null);
  const onChangeRef = useRef(onChange);
  const { monaco } = setup;

  useLayoutEffect(() => {
    onChangeRef.current = onChange;
  }, [onChange]);

  // Created once per file: `text` seeds the model and is then the editor's own.
  useLayoutEffect(() => {
    const model = setup.editModelFor(file, text);
    const editor = monaco.editor.create(hostRef.current!, { ...setup.EDITOR_OPTIONS, model, ariaLabel: `${file} (editing)` });
    const changes = model.onDidChangeContent(() => onChangeRef.current(model.getValue()));
    editorRef.current = editor;
    editor.focus();
    return () => {
      changes.dispose();
      editor.dispose();
      editorRef.current = null;
    };
  }, [setup, monaco, file]);

  useLayoutEffect(() => {
    setup.setDark(dark);
  }, [setup, dark]);

  useLayoutEffect(() => {
    const editor = editorRef.current!;
    const model = editor.getModel()!;
    const markers = errors.flatMap((message) => {
      const at = AT.exec(message);
      if (!at) return [];
      const line = Math.min(Number(at[1]), model.getLineCount());
      const column = Math.min(Number(at[2]), model.getLineMaxColumn(line));
      return [{ severity: monaco.MarkerSeverity.Error, message, startLineNumber: line, startColumn: column, endLineNumber: line, endColumn: model.getLineMaxColumn(line) }];
    });
    monaco.editor.setModelMarkers(model, 'envoy-import', markers);
    if (markers[0]) editor.revealLineInCenterIfOutsideViewport(markers[0].startLineNumber);
  }, [monaco, errors]);

  return <div ref={hostRef} className="preview-monaco" />;
}
