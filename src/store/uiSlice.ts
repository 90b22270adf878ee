// UI state: never part of the document, never undone.
import type { StateCreator } from 'zustand';
import type { FileName } from '../generate/files';
import type { Clip } from '../model/clipboard';
import type { Mutators, StoreState } from './store';

export type ThemeChoice = 'system' | 'light' | 'dark';

export type Notice = { kind: 'error' | 'warning' | 'info'; message: string };

export type UiSlice = {
  /** Selected element ids (listeners, routes, rules, clusters) and edge ids (see edgeIds.ts). */
  selection: string[];
  activeTab: FileName;
  previewCollapsed: boolean;
  theme: ThemeChoice;
  /** A short message shown over the canvas, e.g. why a connection was refused. */
  hint: string | null;
  clipboard: Clip | null;
  /** A message in the banner: a link or file that could not be opened, storage that failed … */
  notice: Notice | null;
  /** The import dialog, when open: the text to import (pasted, opened or dropped) and its name. */
  importDraft: { text: string; name: string } | null;
  /** Elements on the path of the request being tested, highlighted on the canvas. */
  testPath: string[];
  /** The app's own URL (no hash): permalinks in the bundle README point here. Empty in tests. */
  appUrl: string;
  select: (ids: string[]) => void;
  setActiveTab: (tab: FileName) => void;
  setPreviewCollapsed: (collapsed: boolean) => void;
  setTheme: (theme: ThemeChoice) => void;
  showHint: (hint: string | null) => void;
  setClipboard: (clip: Clip | null) => void;
  setNotice: (notice: Notice | null) => void;
  setAppUrl: (appUrl: string) => void;
  setImportDraft: (draft: { text: string; name: string } | null) => void;
  setTestPath: (ids: string[]) => void;
};

export const createUiSlice: StateCreator<StoreState, Mutators, [], UiSlice> = (set) => ({
  selection: [],
  activeTab: 'envoy.yaml',
  previewCollapsed: false,
  theme: 'system',
  hint: null,
  clipboard: null,
  notice: null,
  appUrl: '',
  importDraft: null,
  testPath: [],
  select: (ids) => set((state) => (sameIds(state.selection, ids) ? state : { selection: ids })),
  setActiveTab: (activeTab) => set({ activeTab }),
  setPreviewCollapsed: (previewCollapsed) => set({ previewCollapsed }),
  setTheme: (theme) => set({ theme }),
  showHint: (hint) => set({ hint }),
  setClipboard: (clipboard) => set({ clipboard }),
  setNotice: (notice) => set({ notice }),
  setAppUrl: (appUrl) => set({ appUrl }),
  setImportDraft: (importDraft) => set({ importDraft }),
  setTestPath: (testPath) => set((state) => (sameIds(state.testPath, testPath) ? state : { testPath })),
});

function sameIds(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((id, i) => id === b[i]);
}
