// UI state: never part of the document, never undone.
import type { StateCreator } from 'zustand';
import type { FileName } from '../generate/files';
import type { Clip } from '../model/clipboard';
import type { StoreState } from './store';

export type ThemeChoice = 'system' | 'light' | 'dark';

export type UiSlice = {
  /** Selected element ids (listeners, routes, rules, clusters) and edge ids (see edgeIds.ts). */
  selection: string[];
  activeTab: FileName;
  previewCollapsed: boolean;
  theme: ThemeChoice;
  /** A short message shown over the canvas, e.g. why a connection was refused. */
  hint: string | null;
  clipboard: Clip | null;
  select: (ids: string[]) => void;
  setActiveTab: (tab: FileName) => void;
  setPreviewCollapsed: (collapsed: boolean) => void;
  setTheme: (theme: ThemeChoice) => void;
  showHint: (hint: string | null) => void;
  setClipboard: (clip: Clip | null) => void;
};

export const createUiSlice: StateCreator<StoreState, [], [], UiSlice> = (set) => ({
  selection: [],
  activeTab: 'envoy.yaml',
  previewCollapsed: false,
  theme: 'system',
  hint: null,
  clipboard: null,
  select: (ids) => set((state) => (sameIds(state.selection, ids) ? state : { selection: ids })),
  setActiveTab: (activeTab) => set({ activeTab }),
  setPreviewCollapsed: (previewCollapsed) => set({ previewCollapsed }),
  setTheme: (theme) => set({ theme }),
  showHint: (hint) => set({ hint }),
  setClipboard: (clipboard) => set({ clipboard }),
});

function sameIds(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((id, i) => id === b[i]);
}
