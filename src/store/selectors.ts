// Derived data. The generated files are computed from the design, never stored beside it;
// memoised by design identity so every subscriber shares one computation per edit.
import { generateFiles, type GeneratedFiles } from '../generate/files';
import type { Design } from '../model/schema';
import type { StoreState } from './store';

let lastDesign: Design | null = null;
let lastAppUrl = '';
let lastFiles: GeneratedFiles | null = null;

export function filesOf(design: Design, appUrl = ''): GeneratedFiles {
  if (design !== lastDesign || appUrl !== lastAppUrl || !lastFiles) {
    lastFiles = generateFiles(design, { appUrl });
    lastDesign = design;
    lastAppUrl = appUrl;
  }
  return lastFiles;
}

export const selectDesign = (state: StoreState) => state.design;
export const selectFiles = (state: StoreState) => filesOf(state.design, state.appUrl);
export const selectListener = (id: string) => (state: StoreState) => state.design.listeners.find((l) => l.id === id);
export const selectRoute = (id: string) => (state: StoreState) => state.design.routes.find((r) => r.id === id);
export const selectCluster = (id: string) => (state: StoreState) => state.design.clusters.find((c) => c.id === id);
export const selectIsSelected = (id: string) => (state: StoreState) => state.selection.includes(id);
/** The single selected id, or null when none or several are selected. */
export const selectSoleSelection = (state: StoreState) => (state.selection.length === 1 ? state.selection[0] : null);
