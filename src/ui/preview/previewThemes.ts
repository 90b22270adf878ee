// vs and vs-dark, adjusted for the preview: the editor background is the app's --panel colour
// (styles.css), and the few token colours the JSON, YAML and Markdown grammars use that fall
// below WCAG AA (4.5:1) on the selection highlight (an 18% accent tint) are shifted in lightness
// just enough to reach ~4.7:1 there. Everything else is inherited unchanged.
import type { editor } from 'monaco-editor/editor';

export const LIGHT_THEME = 'preview-light';
export const DARK_THEME = 'preview-dark';

export const LIGHT: editor.IStandaloneThemeData = {
  base: 'vs',
  inherit: true,
  rules: [
    { token: 'number', foreground: '08704a' }, // vs: 098658
    { token: 'type', foreground: '006d6d' }, // vs: 008080 (YAML keys)
    { token: 'comment', foreground: '007200' }, // vs: 008000
    { token: 'invalid', foreground: 'b82c2c' }, // vs: cd3131
  ],
  colors: { 'editor.background': '#ffffff' }, // --panel, light
};

export const DARK: editor.IStandaloneThemeData = {
  base: 'vs-dark',
  inherit: true,
  rules: [
    { token: 'keyword', foreground: '5da0d8' }, // vs-dark: 569cd6 (YAML true/false/null, Markdown headings)
    { token: 'tag', foreground: '5da0d8' }, // vs-dark: 569cd6
    { token: 'comment', foreground: '77a762' }, // vs-dark: 608b4e
    { token: 'invalid', foreground: 'f77171' }, // vs-dark: f44747
  ],
  colors: { 'editor.background': '#161b22' }, // --panel, dark
};
