// JSON syntax colouring as a tiny Monarch grammar. Monaco's own JSON support
// (languages/features/json/register) lazily loads a mode whose worker manager imports
// internal/common/workers.js, which side-effect-imports all ~70 editor contributions (~250 kB
// gzip) and needs a 430 kB worker: validation, hovers and completion a read-only view of
// generated, always-valid JSON has no use for. Token names match the vs / vs-dark theme rules.
import type { languages } from 'monaco-editor/editor';

export const JSON_LANGUAGE: languages.ILanguageExtensionPoint = {
  id: 'json',
  extensions: ['.json'],
  aliases: ['JSON', 'json'],
  mimetypes: ['application/json'],
};

export const JSON_CONFIGURATION: languages.LanguageConfiguration = {
  // Bracket pairs drive bracket matching and colourisation; folding falls back to indentation.
  brackets: [
    ['{', '}'],
    ['[', ']'],
  ],
  wordPattern: /(-?\d*\.\d\w*)|([^[{\]}:",\s]+)/g,
};

export const JSON_GRAMMAR: languages.IMonarchLanguage = {
  tokenPostfix: '.json',
  tokenizer: {
    root: [
      [/\s+/, ''],
      // The generator writes each key and its colon on one line, so a same-line look-ahead suffices.
      [/"(?:[^"\\]|\\.)*"(?=\s*:)/, 'string.key'],
      [/"(?:[^"\\]|\\.)*"/, 'string.value'],
      [/-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/, 'number'],
      [/\b(?:true|false|null)\b/, 'keyword'],
      [/[{}[\]]/, '@brackets'],
      [/[,:]/, 'delimiter'],
    ],
  },
};
