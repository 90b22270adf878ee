// Monaco, bundled locally and loaded only through a dynamic import() from PreviewPanel, so it
// lands in its own lazy chunk and the app works (plain <pre>) before it arrives.
// The lean entry points below keep out the ~80 language grammars, the TypeScript, CSS, HTML and
// JSON language services and the editing contributions that the `monaco-editor` root pulls in.
import * as monaco from 'monaco-editor/editor';
// Only the editor contributions a read-only viewer and the Envoy files' plain Edit mode use (typing,
// undo and indenting are the core editor's). features/register.all would add ~300 kB gzip of
// editing machinery (inline completions, suggest, snippets, rename, code actions, ...).
import 'monaco-editor/features/codicon/register'; // icon font for the find widget and folding
import 'monaco-editor/features/find/register'; // Ctrl+F
import 'monaco-editor/features/folding/register';
import 'monaco-editor/features/bracketMatching/register';
import 'monaco-editor/features/clipboard/register'; // copy from the context menu
import 'monaco-editor/features/contextmenu/register';
import 'monaco-editor/features/readOnlyMessage/register'; // says why typing does nothing
import 'monaco-editor/features/wordHighlighter/register';
import 'monaco-editor/features/wordOperations/register'; // Ctrl+Arrow word navigation
import 'monaco-editor/features/lineSelection/register';
import 'monaco-editor/features/gotoLine/register'; // Ctrl+G
import 'monaco-editor/features/toggleTabFocusMode/register'; // Ctrl+M, for keyboard users
import 'monaco-editor/features/comment/register'; // Ctrl+/ in Edit mode
// Validation findings: marker decorations (squiggles) and the hover that reads them out.
import 'monaco-editor/editor/browser/services/contribution';
import 'monaco-editor/features/hover/register';
import 'monaco-editor/languages/definitions/yaml/register';
import 'monaco-editor/languages/definitions/markdown/register';
// Vite's ?worker bundles each worker as a local asset: nothing is fetched from a CDN.
import EditorWorker from 'monaco-editor/editor/editor.worker?worker';
import type { FileName } from '../../generate/files';
import { JSON_CONFIGURATION, JSON_GRAMMAR, JSON_LANGUAGE } from './jsonLanguage';
import { languageOf } from './previewText';
import { DARK, DARK_THEME, LIGHT, LIGHT_THEME } from './previewThemes';

// Only the core editor worker: no language here has a worker-backed service (see jsonLanguage.ts).
self.MonacoEnvironment = {
  getWorker() {
    return new EditorWorker();
  },
};

monaco.languages.register(JSON_LANGUAGE);
monaco.languages.setLanguageConfiguration('json', JSON_CONFIGURATION);
monaco.languages.setMonarchTokensProvider('json', JSON_GRAMMAR);
monaco.editor.defineTheme(LIGHT_THEME, LIGHT);
monaco.editor.defineTheme(DARK_THEME, DARK);

/** Monaco's theme is global, like <html data-theme>; the editor root keeps the vs / vs-dark class. */
export function setDark(dark: boolean): void {
  monaco.editor.setTheme(dark ? DARK_THEME : LIGHT_THEME);
}

export type MonacoApi = typeof monaco;
export { monaco };

/** The options of both preview editors, the read-only view and the Edit mode's. */
export const EDITOR_OPTIONS = {
  minimap: { enabled: false },
  automaticLayout: true,
  scrollBeyondLastLine: false,
  wordWrap: 'off',
  // The default 'dimmed' number on the empty line after the final newline fails AA contrast.
  renderFinalNewline: 'off',
  // The default ('editable') hides validation squiggles in read-only editors like the preview.
  renderValidationDecorations: 'on',
} satisfies monaco.editor.IStandaloneEditorConstructionOptions;

/**
 * One model per generated file, created on first use and kept: switching tabs swaps models rather
 * than rewriting text, and each file keeps its language and tokenization state.
 */
export function modelFor(file: FileName, text: string): monaco.editor.ITextModel {
  const uri = monaco.Uri.parse(`inmemory://preview/${file}`);
  const existing = monaco.editor.getModel(uri);
  if (existing) return existing;
  const model = monaco.editor.createModel(text, languageOf(file), uri);
  // Bracket-pair colours are a model option (on by default whatever the editor says): they keep a
  // bracket tree up to date on every edit and looked it up for every rendered line, about a third
  // of repainting a long read-only file after a keystroke.
  model.updateOptions({ bracketColorizationOptions: { enabled: false, independentColorPoolPerBracketType: false } });
  return model;
}

/**
 * The Edit mode's model of a file, apart from the preview's so the live preview never writes into
 * the user's text. Kept like the preview's (so its undo history survives a tab switch) and reset
 * to `text` when a new edit starts from other text.
 */
export function editModelFor(file: FileName, text: string): monaco.editor.ITextModel {
  const uri = monaco.Uri.parse(`inmemory://edit/${file}`);
  const model = monaco.editor.getModel(uri) ?? monaco.editor.createModel(text, languageOf(file), uri);
  if (model.getValue() !== text) model.setValue(text);
  return model;
}
