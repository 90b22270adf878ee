// The design document: the only state undo will track. Every edit is a pure model operation.
import type { StateCreator } from 'zustand';
import type { Design } from '../model/schema';
import { defaultDesign } from '../model/templates';
import type { Mutators, StoreState } from './store';

export type DesignSlice = {
  design: Design;
  /** Changes whenever a whole new document replaces the design (so the canvas can fit it in view). */
  documentId: number;
  /** Applies a pure operation from src/model to the design. */
  edit: (operation: (design: Design) => Design) => void;
  /** Replaces the whole design (a loaded, already validated document). */
  replaceDesign: (design: Design) => void;
};

export const createDesignSlice: StateCreator<StoreState, Mutators, [], DesignSlice> = (set) => ({
  design: defaultDesign(),
  documentId: 0,
  edit: (operation) =>
    set((state) => {
      const design = operation(state.design);
      return design === state.design ? state : { design };
    }),
  replaceDesign: (design) => set((state) => ({ design, documentId: state.documentId + 1 })),
});
